UPDATE plugins SET version = :version, jar_sha256 = :jarSha256, updated_at = :updatedAt WHERE symbolic_name = :symbolicName
