SELECT state FROM follows WHERE follower_id = :followerId AND followee_id = :followeeId
