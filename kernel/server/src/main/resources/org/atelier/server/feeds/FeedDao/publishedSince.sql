-- the public posts Popularity rescores periodically: one range of ix_posts_public
SELECT id, like_count AS likes, repost_count AS reposts, comment_count AS comments, published_at, popularity
FROM posts WHERE state = 'published' AND visibility = 'public' AND published_at >= :since
