UPDATE albums SET cover_post_id = NULL WHERE id = :albumId AND cover_post_id = :postId
