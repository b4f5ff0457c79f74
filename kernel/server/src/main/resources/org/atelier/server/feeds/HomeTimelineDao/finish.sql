-- the build is done: 1 row when the timeline is still the one this build began (not dropped since)
UPDATE home_timelines SET ready = TRUE, since_at = :sinceAt, since_id = :sinceId
WHERE viewer_id = :viewerId AND generation = :generation AND ready = FALSE
