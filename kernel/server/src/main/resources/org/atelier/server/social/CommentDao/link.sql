SELECT c.id, c.parent_id, c.deleted, (SELECT COUNT(*) FROM comments r WHERE r.parent_id = c.id) AS replies
FROM comments c WHERE c.id = :id
