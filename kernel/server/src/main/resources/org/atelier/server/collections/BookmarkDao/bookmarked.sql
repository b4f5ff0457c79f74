SELECT post_id FROM bookmarks WHERE account_id = :accountId AND post_id IN (<postIds>)
