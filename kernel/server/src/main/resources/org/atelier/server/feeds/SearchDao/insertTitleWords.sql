INSERT INTO post_title_words (post_id, position, word, published_at) VALUES (:postId, :position, :word, :publishedAt)
