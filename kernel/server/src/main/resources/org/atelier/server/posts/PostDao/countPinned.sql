SELECT COUNT(*) FROM posts WHERE author_id = :authorId AND pinned = TRUE AND state = 'published' AND id <> :postId
