SELECT COUNT(*) FROM album_posts WHERE album_id = :albumId
