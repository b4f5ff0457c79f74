SELECT media_id, name, media_type, width, height, frame_count, byte_size, content_key FROM media_renditions WHERE media_id = :mediaId ORDER BY name
