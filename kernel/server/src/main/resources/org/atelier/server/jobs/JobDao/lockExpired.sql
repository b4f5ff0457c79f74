-- MariaDB only. Leases that ran out: their worker crashed or stalled, so the job is claimable again.
SELECT id
FROM jobs
WHERE queue = :queue AND state = 'RUNNING' AND locked_until < :now AND attempts < max_attempts
ORDER BY run_at, id
LIMIT :limit
FOR UPDATE SKIP LOCKED
