SELECT n.id, n.kind, a.username AS actor_username, a.display_name AS actor_name, np.public_id AS post_public_id,
       np.title AS post_title, c.public_id AS comment_public_id, n.created_at,
       CASE WHEN n.read_at IS NULL THEN FALSE ELSE TRUE END AS is_read
FROM notifications n
JOIN accounts a ON a.id = n.actor_id
LEFT JOIN posts np ON np.id = n.post_id
LEFT JOIN comments c ON c.id = n.comment_id
WHERE n.recipient_id = :viewerId AND n.id < :before AND <notificationShown>
ORDER BY n.id DESC
LIMIT :limit
