SELECT id, queue, payload, state, attempts, max_attempts, run_at, locked_by, locked_until, last_error,
       created_at, finished_at
FROM jobs
WHERE state = 'DEAD'
ORDER BY finished_at DESC, id DESC
LIMIT :limit
