DELETE FROM <table> WHERE account_id = :accountId AND post_id = :postId
