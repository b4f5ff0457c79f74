DELETE FROM notifications
WHERE recipient_id = :recipientId AND kind = :kind AND actor_id = :actorId AND COALESCE(post_id, 0) = :postId
