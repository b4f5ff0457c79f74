SELECT id FROM albums WHERE public_id = :publicId AND owner_id = :ownerId
