-- everything between the viewer and another account, in one round trip
SELECT (SELECT state FROM follows WHERE follower_id = :viewerId AND followee_id = :accountId) AS outgoing,
       (SELECT state FROM follows WHERE follower_id = :accountId AND followee_id = :viewerId) AS incoming,
       (SELECT COUNT(*) FROM blocks WHERE account_id = :viewerId AND target_id = :accountId) AS blocking,
       (SELECT COUNT(*) FROM blocks WHERE account_id = :accountId AND target_id = :viewerId) AS blocked_by,
       (SELECT COUNT(*) FROM mutes WHERE account_id = :viewerId AND target_id = :accountId) AS muting
