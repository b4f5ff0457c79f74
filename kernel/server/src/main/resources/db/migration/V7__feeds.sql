-- Feeds and search. The home feed, explore, tag pages and search read indexes that V3 already
-- has (posts by author and time, public posts by time, post_tags by tag and time, reposts by
-- account and time); this adds what "popular" and title search need.

-- Explore's "popular" order: a hot score (engagement on a log scale plus publication time, see
-- org.atelier.server.feeds.Popularity) kept on the post, so that the order is one index range
-- read backwards instead of a sort of every recent post on every request. Rescored when the
-- counts change and by a periodic job.
ALTER TABLE posts ADD COLUMN popularity BIGINT NOT NULL DEFAULT 0;
CREATE INDEX ix_posts_popular ON posts (state, visibility, popularity, id);

-- Search by title words: each distinct word of a published post's title (normalised), with the
-- published time copied so that "posts whose title has this word, newest first" is one index
-- range. position keeps rows unique without a unique (word, post_id) key, which MariaDB's
-- accent-insensitive collation would refuse for titles holding both "cafe" and "café".
CREATE TABLE post_title_words (
    post_id       BIGINT       NOT NULL,
    position      INT          NOT NULL,
    word          VARCHAR(50)  NOT NULL,
    published_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (post_id, position),
    CONSTRAINT fk_post_title_words_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);
CREATE INDEX ix_post_title_words_word ON post_title_words (word, published_at, post_id);
