-- an active account's profile (registrations waiting for approval and suspended accounts are not
-- published); accounts that never saved one get the defaults
SELECT a.id AS account_id, a.username, a.display_name, a.bio, a.role, COALESCE(p.bio_html, '') AS bio_html,
       COALESCE(p.location, '') AS location, COALESCE(p.links, '[]') AS links, COALESCE(p.skills, '[]') AS skills,
       COALESCE(p.open_to_work, FALSE) AS open_to_work, COALESCE(p.locked, FALSE) AS locked,
       COALESCE(p.no_ai_default, TRUE) AS no_ai_default, av.public_id AS avatar, bn.public_id AS banner,
       a.created_at,
       (SELECT COUNT(*) FROM posts c WHERE c.author_id = a.id AND c.state = 'published') AS post_count,
       (SELECT COUNT(*) FROM follows f WHERE f.followee_id = a.id AND f.state = 'accepted') AS follower_count,
       (SELECT COUNT(*) FROM follows g WHERE g.follower_id = a.id AND g.state = 'accepted') AS following_count
FROM accounts a
LEFT JOIN profiles p ON p.account_id = a.id
LEFT JOIN media av ON av.id = p.avatar_media_id
LEFT JOIN media bn ON bn.id = p.banner_media_id
WHERE a.username = :username AND a.status = 'ACTIVE'
