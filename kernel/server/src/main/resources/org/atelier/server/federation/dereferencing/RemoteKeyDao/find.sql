SELECT key_id, owner_id, public_key_pem FROM remote_keys WHERE key_hash = :keyHash
