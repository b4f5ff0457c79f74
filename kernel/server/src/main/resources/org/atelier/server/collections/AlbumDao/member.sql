SELECT ap.post_id, p.public_id, ap.position, CASE WHEN (<postVisible>) THEN TRUE ELSE FALSE END AS visible_to_viewer
FROM album_posts ap JOIN posts p ON p.id = ap.post_id
WHERE ap.album_id = :albumId AND p.public_id = :postPublicId
