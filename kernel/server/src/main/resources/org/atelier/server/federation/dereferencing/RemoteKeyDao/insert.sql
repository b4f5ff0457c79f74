INSERT INTO remote_keys (key_hash, key_id, owner_id, public_key_pem, fetched_at)
VALUES (:keyHash, :keyId, :ownerId, :publicKeyPem, :now)
