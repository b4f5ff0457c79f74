-- people whose username or display name contains the query, alphabetically
-- by username after :after; active accounts only, none blocked either way with the viewer. The
-- patterns come escaped (! escapes), and lower-cased like the columns they are compared with.
SELECT a.username, a.display_name FROM accounts a
WHERE a.status = 'ACTIVE' AND a.username > :after
  AND (a.username LIKE :contains ESCAPE '!' OR LOWER(a.display_name) LIKE :contains ESCAPE '!')
  AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.account_id = :viewerId AND b.target_id = a.id)
                                            OR (b.account_id = a.id AND b.target_id = :viewerId))
ORDER BY a.username
LIMIT :limit
