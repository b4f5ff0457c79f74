-- Images are processed on the job queue (queue "media.render"): an upload is recorded at once in
-- state 'processing' and flips to 'ready' (or 'failed', with a message for the artist) when its
-- job has run. Rows written before this migration were processed synchronously: they are 'ready'.
-- One change per statement, so that H2 (MODE=MariaDB) and MariaDB run the same file.

ALTER TABLE media ADD COLUMN state VARCHAR(16) NOT NULL DEFAULT 'ready';
ALTER TABLE media ADD COLUMN progress INT NOT NULL DEFAULT 100;
ALTER TABLE media ADD COLUMN error VARCHAR(500) NULL;
-- raised by every change of focal point or crops: a render job only records its result while the
-- revision it rendered is still current, so an older job finishing late cannot undo a newer crop
ALTER TABLE media ADD COLUMN render_revision INT NOT NULL DEFAULT 0;
-- known only once the job has read the pixels and the metadata
ALTER TABLE media MODIFY COLUMN blurhash VARCHAR(100) NULL;
ALTER TABLE media MODIFY COLUMN provenance TEXT NULL;
-- a failed image keeps its row (and its error) but not its bytes
ALTER TABLE media MODIFY COLUMN original_key CHAR(64) NULL;
