-- the viewer's images that are free to attach to this post (not in another one)
SELECT m.id, m.public_id, m.alt_text
FROM media m LEFT JOIN post_media pm ON pm.media_id = m.id
WHERE m.owner_id = :ownerId AND m.public_id IN (<publicIds>) AND (pm.post_id IS NULL OR pm.post_id = :postId)
