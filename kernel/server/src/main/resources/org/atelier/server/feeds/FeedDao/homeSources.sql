-- Rows of some of a viewer's home-feed sources (see HomeMerge), each source spliced in below from
-- its own file with its own cursor: the newest :limit entries before it, read along an index.
-- The visibility rule (postVisible), silenced authors (muted by the viewer or blocked either way,
-- a list of constants), and public-only for tags (like explore, a tag is a public listing) are
-- checked on the few rows returned, as shown: rows not shown still mark where their source stopped.
SELECT s.src, s.post_id, s.at, CASE WHEN s.src = 2 THEN 1 ELSE 0 END AS repost,
       CASE WHEN (<postVisible>) AND p.author_id NOT IN (<silenced>) AND (s.src < 3 OR p.visibility = 'public')
            THEN 1 ELSE 0 END AS shown
FROM (
<sources>
) s JOIN posts p ON p.id = s.post_id
