SELECT post_id FROM <table> WHERE account_id = :accountId AND post_id IN (<postIds>)
