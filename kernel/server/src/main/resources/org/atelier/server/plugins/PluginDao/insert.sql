INSERT INTO plugins (symbolic_name, version, jar_sha256, desired_state, bundled, installed_at, updated_at)
VALUES (:symbolicName, :version, :jarSha256, :desiredState, :bundled, :installedAt, :updatedAt)
