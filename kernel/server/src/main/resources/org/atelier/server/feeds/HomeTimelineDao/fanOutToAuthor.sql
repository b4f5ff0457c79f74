-- a published post goes to its author's own timeline
INSERT IGNORE INTO home_entries (viewer_id, post_id, at, reposter_id)
SELECT t.viewer_id, p.id, p.published_at, NULL FROM posts p JOIN home_timelines t ON t.viewer_id = p.author_id
WHERE p.id = :postId AND p.state = 'published'
