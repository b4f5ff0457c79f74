UPDATE jobs
SET state = 'CANCELLED', locked_by = NULL, locked_until = NULL, finished_at = :now
WHERE id = :id AND state IN ('READY', 'RUNNING', 'DEAD')
