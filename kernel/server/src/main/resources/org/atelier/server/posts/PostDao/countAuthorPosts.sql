SELECT COUNT(*) FROM posts p WHERE p.author_id = :authorId AND p.state = 'published' AND (<postVisible>)
