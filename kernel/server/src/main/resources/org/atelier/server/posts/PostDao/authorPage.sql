-- one page of an artist's published posts: the portfolio (unpinned part) or the other posts
SELECT p.id, p.published_at AS at FROM posts p
WHERE p.author_id = :authorId AND p.state = 'published' AND p.in_portfolio = :inPortfolio AND p.pinned = FALSE
  AND (p.published_at < :at OR (p.published_at = :at AND p.id < :id))
  AND (<postVisible>)
ORDER BY p.published_at DESC, p.id DESC
LIMIT :limit
