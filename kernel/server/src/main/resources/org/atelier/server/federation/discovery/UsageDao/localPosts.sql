SELECT COUNT(*) FROM posts WHERE state = 'published'
