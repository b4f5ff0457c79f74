DELETE FROM album_posts WHERE album_id = :albumId AND post_id = :postId
