SELECT COUNT(*) > 0 FROM accounts WHERE LOWER(email) = LOWER(:email)
