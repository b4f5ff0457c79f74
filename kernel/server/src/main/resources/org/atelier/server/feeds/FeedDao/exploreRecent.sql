-- explore, newest first: public work across the instance, one range of ix_posts_public read backwards;
-- the rows come whole (the columns PostRecord maps), checked here, so the page needs no
-- second query
SELECT <postColumns>
FROM posts p JOIN accounts a ON a.id = p.author_id
WHERE p.state = 'published' AND p.visibility = 'public'
  AND (p.published_at < :at OR (p.published_at = :at AND p.id < :id))
  AND (<postVisible>)
  AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = :viewerId AND m.target_id = p.author_id)
ORDER BY p.published_at DESC, p.id DESC
LIMIT :limit
