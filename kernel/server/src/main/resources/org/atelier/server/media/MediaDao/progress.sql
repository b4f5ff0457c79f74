UPDATE media SET progress = :progress
WHERE id = :id AND render_revision = :revision AND state = 'processing' AND progress < :progress
