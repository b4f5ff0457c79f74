-- IGNORE: bookmarking twice (or twice at once, from two tabs) leaves the first bookmark in place
INSERT IGNORE INTO bookmarks (account_id, post_id, created_at) VALUES (:accountId, :postId, :now)
