SELECT COUNT(*) FROM accounts WHERE status = 'ACTIVE'
