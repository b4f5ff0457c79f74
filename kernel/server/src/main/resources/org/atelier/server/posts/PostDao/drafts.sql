SELECT p.id, p.created_at AS at FROM posts p
WHERE p.author_id = :authorId AND p.state = 'draft'
  AND (p.created_at < :at OR (p.created_at = :at AND p.id < :id))
ORDER BY p.created_at DESC, p.id DESC
LIMIT :limit
