-- explore, most popular first (see Popularity): one range of ix_posts_popular read backwards; the
-- rows come whole, as in exploreRecent.sql
SELECT <postColumns>, p.popularity AS sort_key
FROM posts p JOIN accounts a ON a.id = p.author_id
WHERE p.state = 'published' AND p.visibility = 'public'
  AND (p.popularity < :score OR (p.popularity = :score AND p.id < :id))
  AND (<postVisible>)
  AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = :viewerId AND m.target_id = p.author_id)
ORDER BY p.popularity DESC, p.id DESC
LIMIT :limit
