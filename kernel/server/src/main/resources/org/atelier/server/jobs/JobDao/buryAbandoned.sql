-- Runs whose lease ran out on their last attempt are not run again: a job that crashes or hangs its
-- worker every time (a poison pill) must end up DEAD just like one that throws. The ids come from
-- lockAbandoned (MariaDB, rows already locked) or abandonedCandidates (H2), so the WHERE repeats
-- the condition. last_error is assigned first because MariaDB evaluates SET left to right with the
-- new values, and locked_by is cleared further down.
UPDATE jobs
SET last_error = CONCAT('the lease of worker ', locked_by,
                        ' expired on the last attempt: the worker crashed, hung or outran its lease'),
    state = 'DEAD', locked_by = NULL, locked_until = NULL, finished_at = :now
WHERE id IN (<ids>) AND state = 'RUNNING' AND locked_until < :now AND attempts >= max_attempts
