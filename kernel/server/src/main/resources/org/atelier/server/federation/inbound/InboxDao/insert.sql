-- an activity id is taken once: 0 rows when it was received before
INSERT IGNORE INTO inbox_activities (activity_hash, activity_id, type, actor_id, key_id, recipient_id, body, state,
                                     received_at)
VALUES (:activityHash, :activityId, :type, :actorId, :keyId, :recipientId, :body, 'received', :now)
