-- a notification to :viewerId, unless it is its own actor, is not active, has muted the actor or
-- has a block either way with them, or cannot see the post it is about
INSERT INTO notifications (recipient_id, kind, actor_id, post_id, comment_id, created_at)
SELECT r.id, :kind, a.id, NULLIF(:postId, 0), NULLIF(:commentId, 0), :now
FROM accounts r, accounts a
WHERE r.id = :viewerId AND a.id = :actorId AND r.id <> a.id AND r.status = 'ACTIVE' AND <notificationAllowed>
  AND (:postId = 0 OR EXISTS (SELECT 1 FROM posts p WHERE p.id = :postId AND (<postVisible>)))
