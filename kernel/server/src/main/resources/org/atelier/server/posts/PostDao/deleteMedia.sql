DELETE FROM post_media WHERE post_id = :postId
