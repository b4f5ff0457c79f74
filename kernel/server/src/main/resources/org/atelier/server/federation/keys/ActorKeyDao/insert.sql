-- first writer wins: two processes making an actor's key at once keep one
INSERT IGNORE INTO actor_keys (account_id, public_key_pem, private_key_pem, created_at)
VALUES (:accountId, :publicKeyPem, :privateKeyPem, :now)
