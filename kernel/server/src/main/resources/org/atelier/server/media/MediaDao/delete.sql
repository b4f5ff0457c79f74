DELETE FROM media WHERE id = :id
