SELECT id FROM accounts WHERE id = :accountId FOR UPDATE
