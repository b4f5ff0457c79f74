SELECT locked FROM profiles WHERE account_id = :accountId
