(SELECT {src} AS src, pt.post_id AS post_id, pt.published_at AS at FROM post_tags pt
 WHERE pt.tag = :tag{src} AND (pt.published_at < :at{src} OR (pt.published_at = :at{src} AND pt.post_id < :id{src}))
 ORDER BY pt.published_at DESC, pt.post_id DESC
 LIMIT :limit)
