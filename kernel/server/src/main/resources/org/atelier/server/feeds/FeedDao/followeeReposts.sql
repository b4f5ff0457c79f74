-- who among the accounts the viewer follows reposted these posts, and when (muted and blocked
-- accounts left out, as in homeSources.sql)
SELECT r.post_id, r.created_at AS at, a.username, a.display_name FROM follows f
JOIN reposts r ON r.account_id = f.followee_id
JOIN accounts a ON a.id = f.followee_id
WHERE f.follower_id = :viewerId AND f.state = 'accepted' AND r.post_id IN (<postIds>)
  AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = :viewerId AND m.target_id = f.followee_id)
  AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.account_id = :viewerId AND b.target_id = f.followee_id)
                                            OR (b.account_id = f.followee_id AND b.target_id = :viewerId))
