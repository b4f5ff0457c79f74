UPDATE accounts SET status = :status WHERE id = :id
