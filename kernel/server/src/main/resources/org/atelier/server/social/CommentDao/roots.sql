SELECT id FROM comments WHERE post_id = :postId AND parent_id IS NULL AND id > :afterId ORDER BY id LIMIT :limit
