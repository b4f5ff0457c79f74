SELECT since_at AS at, since_id AS id FROM home_timelines WHERE viewer_id = :viewerId AND ready = TRUE AND since_at IS NOT NULL
