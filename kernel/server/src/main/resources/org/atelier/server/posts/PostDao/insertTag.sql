INSERT INTO post_tags (tag, post_id, published_at) VALUES (:tag, :postId, :publishedAt)
