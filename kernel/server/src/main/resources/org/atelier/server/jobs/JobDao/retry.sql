UPDATE jobs
SET state = 'READY', run_at = :runAt, locked_by = NULL, locked_until = NULL, last_error = :error
WHERE id = :id AND state = 'RUNNING' AND locked_by = :workerId AND attempts = :attempt
  AND locked_until = :leaseUntil
