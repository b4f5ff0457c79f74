SELECT media_id, name, media_type, width, height FROM media_renditions WHERE media_id IN (<mediaIds>) ORDER BY media_id, width
