-- ... to its author's accepted followers who have a timeline (ix_follows_followee), unless they
-- muted the author or a block stands either way
INSERT IGNORE INTO home_entries (viewer_id, post_id, at, reposter_id)
SELECT f.follower_id, p.id, p.published_at, NULL FROM posts p
JOIN follows f ON f.followee_id = p.author_id AND f.state = 'accepted'
JOIN home_timelines t ON t.viewer_id = f.follower_id
WHERE p.id = :postId AND p.state = 'published'
  AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = f.follower_id AND m.target_id = p.author_id)
  AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.account_id = f.follower_id AND b.target_id = p.author_id)
                                            OR (b.account_id = p.author_id AND b.target_id = f.follower_id))
