UPDATE follows SET state = 'accepted' WHERE follower_id = :followerId AND followee_id = :followeeId AND state = 'pending'
