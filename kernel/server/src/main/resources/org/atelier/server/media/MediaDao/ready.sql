UPDATE media SET state = 'ready', progress = 100, error = NULL, width = :width, height = :height,
                 frame_count = :frameCount, blurhash = :blurhash, provenance = :provenance
WHERE id = :id AND render_revision = :revision AND state = 'processing'
