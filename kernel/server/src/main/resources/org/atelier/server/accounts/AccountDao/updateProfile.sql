UPDATE accounts SET display_name = :displayName, bio = :bio WHERE id = :id
