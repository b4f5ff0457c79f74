SELECT <postColumns>
FROM posts p JOIN accounts a ON a.id = p.author_id
WHERE p.id IN (<ids>) AND p.author_id = :viewerId
