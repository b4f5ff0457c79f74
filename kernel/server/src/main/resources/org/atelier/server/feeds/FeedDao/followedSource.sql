(SELECT {src} AS src, p.id AS post_id, p.published_at AS at FROM posts p
 WHERE p.author_id IN (SELECT f.followee_id FROM follows f WHERE f.follower_id = :viewerId AND f.state = 'accepted'
                       AND f.followee_id NOT IN ({silenced}))
   AND p.state = 'published' AND (p.published_at < :at{src} OR (p.published_at = :at{src} AND p.id < :id{src}))
 ORDER BY p.published_at DESC, p.id DESC
 LIMIT :limit)
