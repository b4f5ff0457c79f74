-- position p becomes -1 - p: distinct, and clear of every position 0.. that a reorder writes next
UPDATE album_posts SET position = -1 - position WHERE album_id = :albumId
