SELECT COUNT(*) FROM albums WHERE owner_id = :ownerId
