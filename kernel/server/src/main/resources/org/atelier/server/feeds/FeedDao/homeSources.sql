-- One round of a viewer's home feed (see HomeMerge): from each source, the newest :limit entries
-- before the cursor (:at, :id), each read along an index so that no source sorts more than it has:
--   0   the viewer's own posts                         ix_posts_author, one range
--   1   posts of the accounts the viewer follows       follows, then ix_posts_author per account
--   2   reposts by those accounts, each post once at   follows, then ix_reposts_feed per account
--       its newest repost (the cursor applies to that)
--   3…  one per followed tag, spliced in below from homeTagSource.sql (ix_post_tags_feed)
-- Accounts silenced for the viewer (muted, or blocked either way) come as a list of constants,
-- which costs the optimizer far less than a subquery per source.
-- The visibility rule (postVisible), silenced authors, and public-only for tags (like explore,
-- a tag is a public listing) are checked on the few rows returned, as shown: rows not shown
-- still mark where their source stopped.
SELECT s.src, s.post_id, s.at, CASE WHEN s.src = 2 THEN 1 ELSE 0 END AS repost,
       CASE WHEN (<postVisible>) AND p.author_id NOT IN (<silenced>) AND (s.src < 3 OR p.visibility = 'public')
            THEN 1 ELSE 0 END AS shown
FROM (
    (SELECT 0 AS src, p.id AS post_id, p.published_at AS at FROM posts p
     WHERE p.author_id = :viewerId AND p.state = 'published'
       AND (p.published_at < :at OR (p.published_at = :at AND p.id < :id))
     ORDER BY p.published_at DESC, p.id DESC
     LIMIT :limit)
    UNION ALL
    (SELECT 1, p.id, p.published_at FROM follows f JOIN posts p ON p.author_id = f.followee_id
     WHERE f.follower_id = :viewerId AND f.state = 'accepted' AND f.followee_id NOT IN (<silenced>)
       AND p.state = 'published' AND (p.published_at < :at OR (p.published_at = :at AND p.id < :id))
     ORDER BY p.published_at DESC, p.id DESC
     LIMIT :limit)
    UNION ALL
    (SELECT 2, r.post_id, MAX(r.created_at) AS at FROM follows f JOIN reposts r ON r.account_id = f.followee_id
     WHERE f.follower_id = :viewerId AND f.state = 'accepted' AND f.followee_id NOT IN (<silenced>)
     GROUP BY r.post_id
     HAVING MAX(r.created_at) < :at OR (MAX(r.created_at) = :at AND r.post_id < :id)
     ORDER BY at DESC, r.post_id DESC
     LIMIT :limit)
    <tagSources>
) s JOIN posts p ON p.id = s.post_id
