DELETE FROM post_embeds WHERE post_id = :postId
