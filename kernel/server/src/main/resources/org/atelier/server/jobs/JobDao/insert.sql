INSERT INTO jobs (queue, payload, state, attempts, max_attempts, run_at, created_at)
VALUES (:queue, :payload, 'READY', 0, :maxAttempts, :runAt, :createdAt)
