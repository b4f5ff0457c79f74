SELECT id FROM media WHERE public_id = :publicId AND owner_id = :ownerId
