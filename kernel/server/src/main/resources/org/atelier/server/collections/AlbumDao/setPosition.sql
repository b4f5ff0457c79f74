UPDATE album_posts SET position = :position WHERE album_id = :albumId AND post_id = :postId
