-- a build that never finished (its process stopped) no longer holds the viewer's timeline back
DELETE FROM home_timelines WHERE viewer_id = :viewerId AND ready = FALSE AND started_at < :before
