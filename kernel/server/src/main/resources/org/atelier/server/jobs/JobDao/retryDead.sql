-- A fresh set of attempts; last_error stays so the admin still sees why it died.
UPDATE jobs
SET state = 'READY', attempts = 0, run_at = :now, finished_at = NULL
WHERE id = :id AND state = 'DEAD'
