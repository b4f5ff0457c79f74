-- MariaDB only: the caller's transaction holds the row locks from lockReady / lockExpired.
UPDATE jobs
SET state = 'RUNNING', locked_by = :workerId, locked_until = :leaseUntil, attempts = attempts + 1
WHERE id IN (<ids>)
