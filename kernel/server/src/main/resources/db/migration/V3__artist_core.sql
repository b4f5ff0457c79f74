-- What an artist comes for: profiles, posts with their images, embeds and tags, the social
-- graph (follows, likes, reposts, comments, blocks, mutes), notifications, bookmarks and albums.
-- Runs unchanged on H2 (MODE=MariaDB) and MariaDB. Keyset pagination everywhere: every list has
-- an index ending in (time, id) so that "older than this row" is an index range, never OFFSET.

-- The profile beside the account (the account row is read on every request; this is not).
CREATE TABLE profiles (
    account_id        BIGINT        NOT NULL PRIMARY KEY,
    bio_html          TEXT          NOT NULL,
    location          VARCHAR(100)  NOT NULL DEFAULT '',
    links             TEXT          NOT NULL,
    skills            TEXT          NOT NULL,
    open_to_work      BOOLEAN       NOT NULL DEFAULT FALSE,
    locked            BOOLEAN       NOT NULL DEFAULT FALSE,
    no_ai_default     BOOLEAN       NOT NULL DEFAULT TRUE,
    avatar_media_id   BIGINT        NULL,
    banner_media_id   BIGINT        NULL,
    updated_at        DATETIME(3)   NOT NULL,
    CONSTRAINT fk_profiles_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT fk_profiles_avatar FOREIGN KEY (avatar_media_id) REFERENCES media (id) ON DELETE SET NULL,
    CONSTRAINT fk_profiles_banner FOREIGN KEY (banner_media_id) REFERENCES media (id) ON DELETE SET NULL
);

CREATE TABLE posts (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    public_id         VARCHAR(32)    NOT NULL,
    author_id         BIGINT         NOT NULL,
    title             VARCHAR(200)   NOT NULL DEFAULT '',
    description       VARCHAR(10000) NOT NULL DEFAULT '',
    description_html  TEXT           NOT NULL,
    is_sensitive      BOOLEAN        NOT NULL DEFAULT FALSE,
    content_warning   VARCHAR(300)   NOT NULL DEFAULT '',
    licence           VARCHAR(32)    NOT NULL,
    visibility        VARCHAR(16)    NOT NULL,
    no_ai_training    BOOLEAN        NOT NULL DEFAULT TRUE,
    in_portfolio      BOOLEAN        NOT NULL DEFAULT TRUE,
    pinned            BOOLEAN        NOT NULL DEFAULT FALSE,
    state             VARCHAR(16)    NOT NULL,
    like_count        INT            NOT NULL DEFAULT 0,
    repost_count      INT            NOT NULL DEFAULT 0,
    comment_count     INT            NOT NULL DEFAULT 0,
    created_at        DATETIME(3)    NOT NULL,
    updated_at        DATETIME(3)    NOT NULL,
    published_at      DATETIME(3)    NULL,
    CONSTRAINT uq_posts_public_id UNIQUE (public_id),
    CONSTRAINT fk_posts_author FOREIGN KEY (author_id) REFERENCES accounts (id) ON DELETE CASCADE
);
-- an artist's posts and drafts, newest first
CREATE INDEX ix_posts_author ON posts (author_id, state, published_at, id);
-- explore: published public work across the instance
CREATE INDEX ix_posts_public ON posts (state, visibility, published_at, id);

-- A post's images in order. An image belongs to at most one post.
CREATE TABLE post_media (
    post_id   BIGINT  NOT NULL,
    position  INT     NOT NULL,
    media_id  BIGINT  NOT NULL,
    PRIMARY KEY (post_id, position),
    CONSTRAINT uq_post_media_media UNIQUE (media_id),
    CONSTRAINT fk_post_media_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
    CONSTRAINT fk_post_media_media FOREIGN KEY (media_id) REFERENCES media (id) ON DELETE CASCADE
);

-- Video / 3D embeds beside the images, as the links the artist gave (the embeds plugin turns
-- them into players when the page is rendered, so a plugin update applies to old posts too).
CREATE TABLE post_embeds (
    post_id   BIGINT         NOT NULL,
    position  INT            NOT NULL,
    url       VARCHAR(2000)  NOT NULL,
    PRIMARY KEY (post_id, position),
    CONSTRAINT fk_post_embeds_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);

-- Tags in their normalised (lower-case) form; the published time is copied here so that a tag
-- page is one index range.
CREATE TABLE post_tags (
    tag           VARCHAR(100)  NOT NULL,
    post_id       BIGINT        NOT NULL,
    published_at  DATETIME(3)   NULL,
    PRIMARY KEY (tag, post_id),
    CONSTRAINT fk_post_tags_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);
CREATE INDEX ix_post_tags_feed ON post_tags (tag, published_at, post_id);
CREATE INDEX ix_post_tags_post ON post_tags (post_id);

-- follower → followee; 'pending' until a locked account approves.
CREATE TABLE follows (
    follower_id  BIGINT       NOT NULL,
    followee_id  BIGINT       NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (follower_id, followee_id),
    CONSTRAINT fk_follows_follower FOREIGN KEY (follower_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT fk_follows_followee FOREIGN KEY (followee_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX ix_follows_followee ON follows (followee_id, state, created_at);

CREATE TABLE tag_follows (
    account_id  BIGINT        NOT NULL,
    tag         VARCHAR(100)  NOT NULL,
    created_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (account_id, tag),
    CONSTRAINT fk_tag_follows_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);

CREATE TABLE likes (
    account_id  BIGINT       NOT NULL,
    post_id     BIGINT       NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (account_id, post_id),
    CONSTRAINT fk_likes_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT fk_likes_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);
CREATE INDEX ix_likes_post ON likes (post_id, created_at);

CREATE TABLE reposts (
    account_id  BIGINT       NOT NULL,
    post_id     BIGINT       NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (account_id, post_id),
    CONSTRAINT fk_reposts_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT fk_reposts_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);
CREATE INDEX ix_reposts_post ON reposts (post_id);
CREATE INDEX ix_reposts_feed ON reposts (account_id, created_at);

-- Comments, threaded through parent_id (NULL: a reply to the post itself).
CREATE TABLE comments (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    public_id   VARCHAR(32)   NOT NULL,
    post_id     BIGINT        NOT NULL,
    author_id   BIGINT        NOT NULL,
    parent_id   BIGINT        NULL,
    body        VARCHAR(5000) NOT NULL,
    body_html   TEXT          NOT NULL,
    deleted     BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at  DATETIME(3)   NOT NULL,
    CONSTRAINT uq_comments_public_id UNIQUE (public_id),
    CONSTRAINT fk_comments_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
    CONSTRAINT fk_comments_author FOREIGN KEY (author_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT fk_comments_parent FOREIGN KEY (parent_id) REFERENCES comments (id)
);
CREATE INDEX ix_comments_post ON comments (post_id, id);

CREATE TABLE blocks (
    account_id  BIGINT       NOT NULL,
    target_id   BIGINT       NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (account_id, target_id),
    CONSTRAINT fk_blocks_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT fk_blocks_target FOREIGN KEY (target_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX ix_blocks_target ON blocks (target_id);

CREATE TABLE mutes (
    account_id  BIGINT       NOT NULL,
    target_id   BIGINT       NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (account_id, target_id),
    CONSTRAINT fk_mutes_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT fk_mutes_target FOREIGN KEY (target_id) REFERENCES accounts (id) ON DELETE CASCADE
);

-- kind: follow, follow_request, like, repost, comment, mention
CREATE TABLE notifications (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    recipient_id  BIGINT       NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    actor_id      BIGINT       NOT NULL,
    post_id       BIGINT       NULL,
    comment_id    BIGINT       NULL,
    created_at    DATETIME(3)  NOT NULL,
    read_at       DATETIME(3)  NULL,
    CONSTRAINT fk_notifications_recipient FOREIGN KEY (recipient_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT fk_notifications_actor FOREIGN KEY (actor_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT fk_notifications_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
    CONSTRAINT fk_notifications_comment FOREIGN KEY (comment_id) REFERENCES comments (id) ON DELETE CASCADE
);
CREATE INDEX ix_notifications_recipient ON notifications (recipient_id, id);
CREATE INDEX ix_notifications_unread ON notifications (recipient_id, read_at);

CREATE TABLE bookmarks (
    account_id  BIGINT       NOT NULL,
    post_id     BIGINT       NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (account_id, post_id),
    CONSTRAINT fk_bookmarks_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT fk_bookmarks_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);
CREATE INDEX ix_bookmarks_list ON bookmarks (account_id, created_at, post_id);

CREATE TABLE albums (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    public_id      VARCHAR(32)    NOT NULL,
    owner_id       BIGINT         NOT NULL,
    title          VARCHAR(200)   NOT NULL,
    description    VARCHAR(2000)  NOT NULL DEFAULT '',
    visibility     VARCHAR(16)    NOT NULL,
    cover_post_id  BIGINT         NULL,
    created_at     DATETIME(3)    NOT NULL,
    updated_at     DATETIME(3)    NOT NULL,
    CONSTRAINT uq_albums_public_id UNIQUE (public_id),
    CONSTRAINT fk_albums_owner FOREIGN KEY (owner_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT fk_albums_cover FOREIGN KEY (cover_post_id) REFERENCES posts (id) ON DELETE SET NULL
);
CREATE INDEX ix_albums_owner ON albums (owner_id, updated_at);

CREATE TABLE album_posts (
    album_id  BIGINT       NOT NULL,
    post_id   BIGINT       NOT NULL,
    position  INT          NOT NULL,
    added_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (album_id, post_id),
    CONSTRAINT fk_album_posts_album FOREIGN KEY (album_id) REFERENCES albums (id) ON DELETE CASCADE,
    CONSTRAINT fk_album_posts_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);
CREATE INDEX ix_album_posts_order ON album_posts (album_id, position);
CREATE INDEX ix_album_posts_post ON album_posts (post_id);
