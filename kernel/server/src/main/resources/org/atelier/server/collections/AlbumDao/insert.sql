INSERT INTO albums (public_id, owner_id, title, description, visibility, cover_post_id, created_at, updated_at)
VALUES (:publicId, :ownerId, :title, :description, :visibility, NULL, :now, :now)
