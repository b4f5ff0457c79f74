SELECT tag, created_at FROM tag_follows WHERE account_id = :accountId ORDER BY tag LIMIT :limit
