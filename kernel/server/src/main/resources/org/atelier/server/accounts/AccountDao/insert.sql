INSERT INTO accounts (username, email, display_name, password_hash, role, status, created_at)
VALUES (:username, :email, :displayName, :passwordHash, :role, :status, :createdAt)
