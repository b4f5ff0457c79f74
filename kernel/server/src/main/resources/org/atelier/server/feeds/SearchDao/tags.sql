-- tags starting with the (escaped) prefix that public posts use, alphabetically after :after,
-- with how many public posts use each
SELECT pt.tag AS name, COUNT(*) AS posts FROM post_tags pt JOIN posts p ON p.id = pt.post_id
WHERE pt.tag LIKE :prefix ESCAPE '!' AND pt.tag > :after
  AND p.state = 'published' AND p.visibility = 'public'
GROUP BY pt.tag
ORDER BY pt.tag
LIMIT :limit
