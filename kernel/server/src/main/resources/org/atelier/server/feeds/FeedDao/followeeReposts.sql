-- who among the accounts the viewer follows (silenced ones left out) reposted these posts, and when:
-- ix_reposts_post per post, then the follow by its primary key
SELECT r.post_id, r.created_at AS at, r.account_id, a.username, a.display_name FROM reposts r
JOIN follows f ON f.follower_id = :viewerId AND f.followee_id = r.account_id AND f.state = 'accepted'
JOIN accounts a ON a.id = r.account_id
WHERE r.post_id IN (<postIds>) AND r.account_id NOT IN (<silenced>)
