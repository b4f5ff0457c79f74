SELECT a.id, a.username, a.email, a.display_name, a.bio, a.password_hash, a.role, a.status, a.created_at,
       s.csrf_token, s.expires_at
FROM sessions s JOIN accounts a ON a.id = s.account_id
WHERE s.id_hash = :idHash AND s.expires_at > :now
