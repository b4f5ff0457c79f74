-- a follow, unless one exists already or a block stands between the two (checked in the same
-- statement, so that a block made meanwhile is not undone)
INSERT IGNORE INTO follows (follower_id, followee_id, state, created_at)
SELECT :viewerId, a.id, :state, :now FROM accounts a
WHERE a.id = :accountId AND NOT <blockedWithViewer>
