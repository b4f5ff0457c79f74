SELECT state, COUNT(*) AS n
FROM jobs
WHERE queue = :queue
GROUP BY state
