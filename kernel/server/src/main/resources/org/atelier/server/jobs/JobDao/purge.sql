-- In batches, so that a large clean-up never holds one long transaction.
DELETE FROM jobs
WHERE state IN ('DONE', 'CANCELLED') AND finished_at < :before
LIMIT :limit
