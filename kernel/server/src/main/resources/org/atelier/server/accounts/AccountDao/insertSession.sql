INSERT INTO sessions (id_hash, account_id, csrf_token, created_at, expires_at)
VALUES (:idHash, :accountId, :csrfToken, :createdAt, :expiresAt)
