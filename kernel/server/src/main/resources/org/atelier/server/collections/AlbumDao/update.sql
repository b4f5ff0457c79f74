UPDATE albums SET title = :title, description = :description, visibility = :visibility,
                  cover_post_id = :coverPostId, updated_at = :now
WHERE id = :id
