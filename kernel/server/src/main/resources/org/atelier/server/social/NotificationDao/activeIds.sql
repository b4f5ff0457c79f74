SELECT id FROM accounts WHERE username IN (<usernames>) AND status = 'ACTIVE'
