-- the position of a timeline's entry so many below its newest (housekeeping, never a page)
SELECT at, post_id AS id FROM home_entries WHERE viewer_id = :viewerId ORDER BY at DESC, post_id DESC
LIMIT 1 OFFSET :below
