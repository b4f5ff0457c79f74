SELECT r.media_id, r.name, r.media_type, r.width, r.height, r.frame_count, r.byte_size, r.content_key
FROM media m JOIN media_renditions r ON r.media_id = m.id
WHERE m.public_id = :publicId AND r.name = :name AND m.owner_id = :ownerId
