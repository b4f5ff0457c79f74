-- Materialised home timelines (fan-out on write). A viewer's home feed is otherwise merged on
-- every read from up to 103 sources (own posts, followed accounts, their reposts, each followed
-- tag: org.atelier.server.feeds.HomeMerge); here it is kept as rows, so that a page is one index
-- range. A timeline is built from that merge on the viewer's first read (newest entries only),
-- kept up to date as posts are published and reposted, and dropped (to be built again) when the
-- viewer's network changes: a follow, mute, block or followed tag. Only viewers who read their
-- home have one, so posting costs nothing for accounts that never look.

-- One per viewer with a timeline. ready is false while it is being built (readers then merge);
-- generation tells the builder that the timeline it started was not dropped meanwhile. Entries
-- at or after (since_at, since_id) are complete; since_at NULL means complete to the beginning.
CREATE TABLE home_timelines (
    viewer_id   BIGINT       NOT NULL PRIMARY KEY,
    generation  BIGINT       NOT NULL,
    ready       BOOLEAN      NOT NULL,
    started_at  DATETIME(3)  NOT NULL,
    since_at    DATETIME(3)  NULL,
    since_id    BIGINT       NOT NULL,
    CONSTRAINT fk_home_timelines_viewer FOREIGN KEY (viewer_id) REFERENCES accounts (id) ON DELETE CASCADE
);

-- A post on a viewer's home, once, at its newest key: when it was published, or when an account
-- the viewer follows reposted it (reposter_id, the newest such repost).
CREATE TABLE home_entries (
    viewer_id    BIGINT       NOT NULL,
    post_id      BIGINT       NOT NULL,
    at           DATETIME(3)  NOT NULL,
    reposter_id  BIGINT       NULL,
    PRIMARY KEY (viewer_id, post_id),
    CONSTRAINT fk_home_entries_viewer FOREIGN KEY (viewer_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT fk_home_entries_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
    CONSTRAINT fk_home_entries_reposter FOREIGN KEY (reposter_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX ix_home_entries_page ON home_entries (viewer_id, at, post_id);
CREATE INDEX ix_home_entries_post ON home_entries (post_id, reposter_id);

-- who follows a tag: the fan-out of a tagged post
CREATE INDEX ix_tag_follows_tag ON tag_follows (tag, account_id);
