-- H2 only. If another claimer holds the row, H2 waits for it and re-evaluates this WHERE against
-- the committed row, so exactly one claimer gets an update count of 1.
UPDATE jobs
SET state = 'RUNNING', locked_by = :workerId, locked_until = :leaseUntil, attempts = attempts + 1
WHERE id = :id
  AND ((state = 'READY' AND run_at <= :now)
       OR (state = 'RUNNING' AND locked_until < :now AND attempts < max_attempts))
