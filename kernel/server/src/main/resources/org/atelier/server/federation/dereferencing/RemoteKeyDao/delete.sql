DELETE FROM remote_keys WHERE key_hash = :keyHash
