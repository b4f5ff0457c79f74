-- H2 only, without locks like candidates.sql: buryAbandoned's WHERE decides.
SELECT id
FROM jobs
WHERE queue = :queue AND state = 'RUNNING' AND locked_until < :now AND attempts >= max_attempts
ORDER BY run_at, id
LIMIT :limit
