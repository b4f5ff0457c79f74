SELECT al.id, al.public_id, al.owner_id, a.username AS owner_username, a.display_name AS owner_name, al.title,
       al.description, al.visibility, al.cover_post_id, cp.public_id AS cover_public_id, al.created_at, al.updated_at
FROM albums al
JOIN accounts a ON a.id = al.owner_id
LEFT JOIN posts cp ON cp.id = al.cover_post_id
WHERE al.id IN (<ids>)
