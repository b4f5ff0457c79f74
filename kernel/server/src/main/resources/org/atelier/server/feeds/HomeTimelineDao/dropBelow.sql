DELETE FROM home_entries WHERE viewer_id = :viewerId AND (at < :at OR (at = :at AND post_id < :id))
