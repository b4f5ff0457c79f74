-- who among the accounts the viewer follows (muted and blocked ones already left out) reposted
-- these posts, and when
SELECT r.post_id, r.created_at AS at, a.username, a.display_name FROM reposts r
JOIN accounts a ON a.id = r.account_id
WHERE r.post_id IN (<postIds>) AND r.account_id IN (<followees>)
