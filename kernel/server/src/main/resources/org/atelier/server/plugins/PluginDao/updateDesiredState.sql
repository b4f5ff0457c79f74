UPDATE plugins SET desired_state = :desiredState, updated_at = :updatedAt WHERE symbolic_name = :symbolicName
