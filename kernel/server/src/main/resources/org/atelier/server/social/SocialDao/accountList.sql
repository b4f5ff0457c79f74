-- one page of an account list, newest first; table, columns and condition come from AccountList
SELECT a.id, a.username, a.display_name, l.created_at AS at
FROM <table> l JOIN accounts a ON a.id = l.<member>
WHERE l.<owner> = :ownerId AND a.status = 'ACTIVE' AND (<condition>)
  AND (l.created_at < :at OR (l.created_at = :at AND l.<member> < :id))
ORDER BY l.created_at DESC, l.<member> DESC
LIMIT :limit
