INSERT INTO tag_follows (account_id, tag, created_at) VALUES (:accountId, :tag, :createdAt)
