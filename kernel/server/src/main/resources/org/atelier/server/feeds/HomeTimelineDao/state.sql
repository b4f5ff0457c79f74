SELECT ready, since_at IS NULL AS complete, started_at FROM home_timelines WHERE viewer_id = :viewerId
