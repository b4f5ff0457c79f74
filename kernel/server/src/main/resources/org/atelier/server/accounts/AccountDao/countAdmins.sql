SELECT COUNT(*) FROM accounts WHERE role = 'ADMIN' AND status = 'ACTIVE'
