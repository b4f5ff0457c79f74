-- MariaDB only. Expired leases on their last attempt, to be buried (see buryAbandoned).
SELECT id
FROM jobs
WHERE queue = :queue AND state = 'RUNNING' AND locked_until < :now AND attempts >= max_attempts
ORDER BY run_at, id
LIMIT :limit
FOR UPDATE SKIP LOCKED
