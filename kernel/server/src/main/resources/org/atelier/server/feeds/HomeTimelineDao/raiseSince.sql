-- a trimmed timeline is complete down to the cut only (raised, never lowered)
UPDATE home_timelines SET since_at = :at, since_id = :id WHERE viewer_id = :viewerId AND ready = TRUE
