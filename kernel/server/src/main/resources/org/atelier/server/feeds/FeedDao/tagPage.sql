-- a tag page, newest first: public posts with the tag, one range of ix_post_tags_feed read backwards
SELECT pt.post_id AS id, pt.published_at AS at FROM post_tags pt JOIN posts p ON p.id = pt.post_id
WHERE pt.tag = :tag
  AND (pt.published_at < :at OR (pt.published_at = :at AND pt.post_id < :id))
  AND p.visibility = 'public' AND (<postVisible>)
  AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = :viewerId AND m.target_id = p.author_id)
ORDER BY pt.published_at DESC, pt.post_id DESC
LIMIT :limit
