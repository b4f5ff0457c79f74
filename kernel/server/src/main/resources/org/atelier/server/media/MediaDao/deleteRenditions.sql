DELETE FROM media_renditions WHERE media_id = :mediaId AND name IN (<names>)
