-- ... and, when public (a tag is a public listing), to those who follow one of its tags
-- (ix_tag_follows_tag), with the same exceptions
INSERT IGNORE INTO home_entries (viewer_id, post_id, at, reposter_id)
SELECT DISTINCT g.account_id, p.id, p.published_at, NULL FROM posts p
JOIN post_tags pt ON pt.post_id = p.id
JOIN tag_follows g ON g.tag = pt.tag
JOIN home_timelines t ON t.viewer_id = g.account_id
WHERE p.id = :postId AND p.state = 'published' AND p.visibility = 'public'
  AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = g.account_id AND m.target_id = p.author_id)
  AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.account_id = g.account_id AND b.target_id = p.author_id)
                                            OR (b.account_id = p.author_id AND b.target_id = g.account_id))
