SELECT no_ai_default FROM profiles WHERE account_id = :accountId
