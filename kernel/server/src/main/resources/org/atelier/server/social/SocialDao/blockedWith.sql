SELECT COUNT(*) FROM accounts a WHERE a.id = :accountId AND <blockedWithViewer>
