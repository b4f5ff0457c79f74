SELECT (SELECT COUNT(*) FROM media WHERE original_key = :key)
     + (SELECT COUNT(*) FROM media_renditions WHERE content_key = :key)
