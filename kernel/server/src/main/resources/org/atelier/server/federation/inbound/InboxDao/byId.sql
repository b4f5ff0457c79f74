SELECT id, activity_id, type, actor_id, key_id, recipient_id, body, state FROM inbox_activities WHERE id = :id
