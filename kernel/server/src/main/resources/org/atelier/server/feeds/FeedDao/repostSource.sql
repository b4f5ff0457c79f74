(SELECT {src} AS src, r.post_id AS post_id, r.created_at AS at FROM follows f JOIN reposts r ON r.account_id = f.followee_id
 WHERE f.follower_id = :viewerId AND f.state = 'accepted' AND f.followee_id NOT IN ({silenced})
   AND (r.created_at < :at{src} OR (r.created_at = :at{src} AND r.post_id < :id{src}))
 ORDER BY r.created_at DESC, r.post_id DESC
 LIMIT :limit)
