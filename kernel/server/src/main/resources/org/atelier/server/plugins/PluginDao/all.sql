SELECT symbolic_name, version, jar_sha256, desired_state, bundled, installed_at, updated_at FROM plugins ORDER BY symbolic_name
