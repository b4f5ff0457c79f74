INSERT INTO album_posts (album_id, post_id, position, added_at) VALUES (:albumId, :postId, :position, :now)
