INSERT INTO invites (code_hash, created_by, note, max_uses, uses, created_at, expires_at)
VALUES (:codeHash, :createdBy, :note, :maxUses, 0, :createdAt, :expiresAt)
