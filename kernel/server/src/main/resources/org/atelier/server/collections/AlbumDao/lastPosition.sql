SELECT COALESCE(MAX(position), -1) FROM album_posts WHERE album_id = :albumId
