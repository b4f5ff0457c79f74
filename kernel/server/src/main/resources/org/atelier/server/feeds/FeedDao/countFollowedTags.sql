SELECT COUNT(*) FROM tag_follows WHERE account_id = :accountId
