-- the posts of a page, each re-checked against the viewer (a feed query already did, but this is
-- the one place every displayed post passes through)
SELECT <postColumns>
FROM posts p JOIN accounts a ON a.id = p.author_id
WHERE p.id IN (<ids>) AND (<postVisible>)
