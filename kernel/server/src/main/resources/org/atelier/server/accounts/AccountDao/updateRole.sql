UPDATE accounts SET role = :role WHERE id = :id
