DELETE FROM <table> WHERE account_id = :accountId AND target_id = :targetId
