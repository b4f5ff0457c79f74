SELECT p.id FROM posts p
WHERE p.author_id = :authorId AND p.state = 'published' AND p.in_portfolio = TRUE AND p.pinned = TRUE
  AND (<postVisible>)
ORDER BY p.published_at DESC, p.id DESC
LIMIT :limit
