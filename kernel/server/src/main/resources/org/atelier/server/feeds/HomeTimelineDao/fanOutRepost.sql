-- ... and puts it on those that do not hold it yet, unless the follower muted the reposter or the
-- author, or a block stands either way between the follower and the author
INSERT IGNORE INTO home_entries (viewer_id, post_id, at, reposter_id)
SELECT f.follower_id, :postId, :at, :reposterId FROM follows f
JOIN home_timelines t ON t.viewer_id = f.follower_id
WHERE f.followee_id = :reposterId AND f.state = 'accepted'
  AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = f.follower_id AND m.target_id IN (:reposterId, :authorId))
  AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.account_id = f.follower_id AND b.target_id = :authorId)
                                            OR (b.account_id = :authorId AND b.target_id = f.follower_id))
