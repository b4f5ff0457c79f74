-- a block or a mute (the table comes from the caller), once
INSERT IGNORE INTO <table> (account_id, target_id, created_at) VALUES (:accountId, :targetId, :now)
