-- Albums keep their posts in a stable order. Appends take max(position) + 1 under a lock on the
-- album row; this unique index makes any race that slipped past the lock fail loudly instead of
-- leaving two posts at one position (the old non-unique index stays: dropping indexes is not
-- worth a migration step that differs between H2 and MariaDB).
CREATE UNIQUE INDEX uq_album_posts_position ON album_posts (album_id, position);
