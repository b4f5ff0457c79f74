SELECT public_key_pem, private_key_pem FROM actor_keys WHERE account_id = :accountId
