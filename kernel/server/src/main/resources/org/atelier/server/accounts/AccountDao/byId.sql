SELECT id, username, email, display_name, bio, password_hash, role, status, created_at FROM accounts WHERE id = :id
