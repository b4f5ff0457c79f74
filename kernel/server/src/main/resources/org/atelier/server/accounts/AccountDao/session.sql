SELECT account_id, csrf_token FROM sessions WHERE id_hash = :idHash AND expires_at > :now
