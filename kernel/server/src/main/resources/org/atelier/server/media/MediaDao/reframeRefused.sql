UPDATE media SET state = 'ready', progress = 100, error = :error
WHERE id = :id AND render_revision = :revision AND state = 'processing'
