-- a repost moves the post up on the timelines of the reposter's followers that hold it already
UPDATE home_entries SET at = :at, reposter_id = :reposterId
WHERE post_id = :postId AND at < :at
  AND viewer_id IN (SELECT f.follower_id FROM follows f WHERE f.followee_id = :reposterId AND f.state = 'accepted')
  AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = home_entries.viewer_id AND m.target_id IN (:reposterId, :authorId))
