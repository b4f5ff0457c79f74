UPDATE posts SET popularity = :score WHERE id = :id
