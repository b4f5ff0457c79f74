-- MariaDB only. One state per query on purpose: then the (queue, state, run_at) index yields rows
-- already in order and InnoDB locks just the LIMIT rows it returns. With the READY-or-expired OR in
-- one query it sorts first and locks every matching row, so a second claimer finds nothing.
SELECT id
FROM jobs
WHERE queue = :queue AND state = 'READY' AND run_at <= :now
ORDER BY run_at, id
LIMIT :limit
FOR UPDATE SKIP LOCKED
