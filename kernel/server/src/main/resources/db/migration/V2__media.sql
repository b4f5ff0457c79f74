-- Uploaded images: the private original (kept for re-rendering, never served) and the
-- renditions made from it, all stored by content hash in the media store.

CREATE TABLE media (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    public_id       VARCHAR(32)   NOT NULL,
    owner_id        BIGINT        NOT NULL,
    format          VARCHAR(8)    NOT NULL,
    width           INT           NOT NULL,
    height          INT           NOT NULL,
    frame_count     INT           NOT NULL,
    original_key    CHAR(64)      NOT NULL,
    original_bytes  BIGINT        NOT NULL,
    blurhash        VARCHAR(100)  NOT NULL,
    alt_text        VARCHAR(1500) NOT NULL DEFAULT '',
    focal_x         DOUBLE        NOT NULL,
    focal_y         DOUBLE        NOT NULL,
    thumbnail_crop  VARCHAR(80)   NULL,
    cover_crop      VARCHAR(80)   NULL,
    provenance      TEXT          NOT NULL,
    created_at      DATETIME(3)   NOT NULL,
    CONSTRAINT uq_media_public_id UNIQUE (public_id),
    CONSTRAINT fk_media_owner FOREIGN KEY (owner_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX ix_media_owner ON media (owner_id, created_at);

CREATE TABLE media_renditions (
    media_id     BIGINT       NOT NULL,
    name         VARCHAR(32)  NOT NULL,
    media_type   VARCHAR(32)  NOT NULL,
    width        INT          NOT NULL,
    height       INT          NOT NULL,
    frame_count  INT          NOT NULL,
    byte_size    BIGINT       NOT NULL,
    content_key  CHAR(64)     NOT NULL,
    PRIMARY KEY (media_id, name),
    CONSTRAINT fk_renditions_media FOREIGN KEY (media_id) REFERENCES media (id) ON DELETE CASCADE
);
