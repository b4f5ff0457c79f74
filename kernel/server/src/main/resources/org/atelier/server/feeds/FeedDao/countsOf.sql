SELECT id, like_count AS likes, repost_count AS reposts, comment_count AS comments, published_at, popularity
FROM posts WHERE id = :id AND state = 'published'
