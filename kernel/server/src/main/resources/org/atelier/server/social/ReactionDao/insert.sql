INSERT IGNORE INTO <table> (account_id, post_id, created_at) VALUES (:accountId, :postId, :now)
