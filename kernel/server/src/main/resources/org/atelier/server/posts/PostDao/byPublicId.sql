SELECT <postColumns>
FROM posts p JOIN accounts a ON a.id = p.author_id
WHERE p.public_id = :publicId
