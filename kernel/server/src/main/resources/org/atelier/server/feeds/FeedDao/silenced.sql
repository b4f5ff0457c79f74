-- the accounts silenced for a viewer: muted by them, or blocked either way
SELECT m.target_id FROM mutes m WHERE m.account_id = :viewerId
UNION ALL
SELECT b.target_id FROM blocks b WHERE b.account_id = :viewerId
UNION ALL
SELECT b.account_id FROM blocks b WHERE b.target_id = :viewerId
