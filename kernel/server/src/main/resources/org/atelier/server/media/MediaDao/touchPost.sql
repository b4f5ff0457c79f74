-- what a post shows of an image changed (alt text, crops, renditions): the post's updated_at moves,
-- which is what tells the posts' content cache and the API's JSON cache to read it again
UPDATE posts SET updated_at = :now WHERE id IN (SELECT pm.post_id FROM post_media pm WHERE pm.media_id = :id)
