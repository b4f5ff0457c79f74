-- the viewer's network in one round trip: the accounts they follow (accepted), the tags they
-- follow, and the accounts silenced for them (muted by them, or blocked either way)
SELECT 'followee' AS kind, f.followee_id AS account_id, '' AS tag FROM follows f
WHERE f.follower_id = :viewerId AND f.state = 'accepted'
UNION ALL
SELECT 'tag', 0, t.tag FROM tag_follows t WHERE t.account_id = :viewerId
UNION ALL
SELECT 'silenced', m.target_id, '' FROM mutes m WHERE m.account_id = :viewerId
UNION ALL
SELECT 'silenced', b.target_id, '' FROM blocks b WHERE b.account_id = :viewerId
UNION ALL
SELECT 'silenced', b.account_id, '' FROM blocks b WHERE b.target_id = :viewerId
