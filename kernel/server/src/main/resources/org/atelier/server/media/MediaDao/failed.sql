UPDATE media SET state = 'failed', progress = 100, error = :error, original_key = NULL
WHERE id = :id AND render_revision = :revision AND state = 'processing'
