SELECT followee_id FROM follows
WHERE follower_id = :viewerId AND state = 'accepted' AND followee_id IN (<authorIds>)
