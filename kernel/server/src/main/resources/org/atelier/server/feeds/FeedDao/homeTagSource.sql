    UNION ALL
    (SELECT {src}, pt.post_id, pt.published_at FROM post_tags pt
     WHERE pt.tag = :tag{n} AND (pt.published_at < :at OR (pt.published_at = :at AND pt.post_id < :id))
     ORDER BY pt.published_at DESC, pt.post_id DESC
     LIMIT :limit)
