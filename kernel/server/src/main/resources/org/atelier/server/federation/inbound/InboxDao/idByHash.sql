SELECT id FROM inbox_activities WHERE activity_hash = :activityHash
