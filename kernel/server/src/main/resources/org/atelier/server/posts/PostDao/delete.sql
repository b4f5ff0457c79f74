DELETE FROM posts WHERE id = :id
