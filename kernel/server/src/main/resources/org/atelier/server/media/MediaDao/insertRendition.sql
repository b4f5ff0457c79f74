INSERT INTO media_renditions (media_id, name, media_type, width, height, frame_count, byte_size, content_key)
VALUES (:mediaId, :name, :mediaType, :width, :height, :frameCount, :byteSize, :contentKey)
