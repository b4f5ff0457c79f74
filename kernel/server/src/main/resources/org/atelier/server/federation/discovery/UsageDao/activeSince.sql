-- active accounts that signed in or published since then (sessions are kept until they expire)
SELECT COUNT(*) FROM accounts a WHERE a.status = 'ACTIVE' AND (
    EXISTS (SELECT 1 FROM sessions s WHERE s.account_id = a.id AND s.created_at >= :since)
    OR EXISTS (SELECT 1 FROM posts p WHERE p.author_id = a.id AND p.published_at >= :since))
