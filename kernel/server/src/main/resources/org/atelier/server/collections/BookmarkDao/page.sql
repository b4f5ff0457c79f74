-- the viewer's bookmarks, newest first, of posts the viewer may still see (so pages stay full)
SELECT b.post_id AS id, b.created_at AS at
FROM bookmarks b JOIN posts p ON p.id = b.post_id
WHERE b.account_id = :viewerId
  AND (b.created_at < :at OR (b.created_at = :at AND b.post_id < :id))
  AND (<postVisible>)
ORDER BY b.created_at DESC, b.post_id DESC
LIMIT :limit
