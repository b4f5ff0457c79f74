-- claims the building of a viewer's timeline: 1 row when this caller builds it, 0 when it exists
INSERT IGNORE INTO home_timelines (viewer_id, generation, ready, started_at, since_at, since_id)
VALUES (:viewerId, :generation, FALSE, :now, NULL, 0)
