-- the same rule as the list, so the badge never counts what the list does not show
SELECT COUNT(*) FROM notifications n JOIN accounts a ON a.id = n.actor_id
WHERE n.recipient_id = :viewerId AND n.read_at IS NULL AND <notificationShown>
