-- H2 only: no FOR UPDATE, because H2 locks every row matching the WHERE before it applies LIMIT.
-- Each candidate is then taken with claimOne, whose WHERE decides who wins.
SELECT id
FROM jobs
WHERE queue = :queue
  AND ((state = 'READY' AND run_at <= :now)
       OR (state = 'RUNNING' AND locked_until < :now AND attempts < max_attempts))
ORDER BY run_at, id
LIMIT :limit
