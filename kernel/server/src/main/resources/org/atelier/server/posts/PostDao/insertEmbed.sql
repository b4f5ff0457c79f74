INSERT INTO post_embeds (post_id, position, url) VALUES (:postId, :position, :url)
