SELECT id, queue, payload, state, attempts, max_attempts, run_at, locked_by, locked_until, last_error,
       created_at, finished_at
FROM jobs
WHERE id = :id
