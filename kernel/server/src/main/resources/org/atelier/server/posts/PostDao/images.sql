SELECT pm.post_id, pm.position, m.id AS media_id, m.public_id, m.width, m.height, m.frame_count, m.blurhash,
       m.alt_text, m.focal_x, m.focal_y
FROM post_media pm JOIN media m ON m.id = pm.media_id
WHERE pm.post_id IN (<postIds>)
ORDER BY pm.post_id, pm.position
