INSERT INTO post_media (post_id, position, media_id) VALUES (:postId, :position, :mediaId)
