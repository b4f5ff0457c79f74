-- one page of an album as the viewer may see it, in the owner's order
SELECT ap.post_id, p.public_id, ap.position, TRUE AS visible_to_viewer
FROM album_posts ap JOIN posts p ON p.id = ap.post_id
WHERE ap.album_id = :albumId AND ap.position > :after AND (<postVisible>)
ORDER BY ap.position
LIMIT :limit
