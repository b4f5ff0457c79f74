-- per album, the first post the viewer may see (the default cover) and how many the viewer sees
SELECT ap.album_id, ap.post_id AS first_post_id, f.visible_count
FROM (SELECT ap1.album_id, MIN(ap1.position) AS first_position, COUNT(*) AS visible_count
      FROM album_posts ap1 JOIN posts p ON p.id = ap1.post_id
      WHERE ap1.album_id IN (<albumIds>) AND (<postVisible>)
      GROUP BY ap1.album_id) f
JOIN album_posts ap ON ap.album_id = f.album_id AND ap.position = f.first_position
