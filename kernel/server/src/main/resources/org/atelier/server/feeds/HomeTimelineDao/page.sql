-- One page of a ready timeline: entries before the cursor and no older than where the timeline is
-- complete, that the viewer may still see. The visibility rule is checked here, on read: a post
-- deleted, made followers-only or blocked since it was fanned out drops out. ix_home_entries_page
-- read backwards, the post, its author and the reposter by primary key. The post's row comes along
-- (the columns PostRecord maps), so that the page needs no second query.
SELECT <postColumns>,
       h.at AS entry_at, ra.username AS reposter_username, ra.display_name AS reposter_name
FROM home_timelines t
JOIN home_entries h ON h.viewer_id = t.viewer_id
JOIN posts p ON p.id = h.post_id
JOIN accounts a ON a.id = p.author_id
LEFT JOIN accounts ra ON ra.id = h.reposter_id
WHERE t.viewer_id = :viewerId AND t.ready = TRUE
  AND (h.at < :at OR (h.at = :at AND h.post_id < :id))
  AND (t.since_at IS NULL OR h.at > t.since_at OR (h.at = t.since_at AND h.post_id >= t.since_id))
  AND (<postVisible>)
ORDER BY h.at DESC, h.post_id DESC
LIMIT :limit
