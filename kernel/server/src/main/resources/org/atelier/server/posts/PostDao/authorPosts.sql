-- one page of all of an artist's published posts the viewer may see, newest first
SELECT p.id, p.published_at AS at FROM posts p
WHERE p.author_id = :authorId AND p.state = 'published'
  AND (p.published_at < :at OR (p.published_at = :at AND p.id < :id))
  AND (<postVisible>)
ORDER BY p.published_at DESC, p.id DESC
LIMIT :limit
