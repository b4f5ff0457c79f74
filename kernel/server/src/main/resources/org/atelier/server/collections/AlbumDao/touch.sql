UPDATE albums SET updated_at = :now WHERE id = :id
