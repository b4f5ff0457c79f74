UPDATE jobs
SET state = 'DONE', locked_by = NULL, locked_until = NULL, finished_at = :now
WHERE id = :id AND state = 'RUNNING' AND locked_by = :workerId AND attempts = :attempt
  AND locked_until = :leaseUntil
