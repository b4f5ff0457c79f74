DELETE FROM tag_follows WHERE account_id = :accountId AND tag = :tag
