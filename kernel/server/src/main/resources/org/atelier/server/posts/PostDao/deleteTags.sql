DELETE FROM post_tags WHERE post_id = :postId
