-- The social layer (follows, likes, reposts, threaded comments, notifications, blocks, mutes).

-- A reply's parent is removed only once it has no replies left, but deleting a post (or an
-- account) removes all its comments at once; with a plain self-reference MariaDB refuses that
-- cascade as soon as a comment has a reply. Replies now go with their parent.
ALTER TABLE comments DROP CONSTRAINT fk_comments_parent;
ALTER TABLE comments ADD CONSTRAINT fk_comments_parent FOREIGN KEY (parent_id) REFERENCES comments (id) ON DELETE CASCADE;

-- The top-level comment a reply hangs under (NULL on top-level comments), so that a page of
-- top-level comments loads all its replies as one index range, without recursive queries.
ALTER TABLE comments ADD COLUMN root_id BIGINT NULL;
ALTER TABLE comments ADD CONSTRAINT fk_comments_root FOREIGN KEY (root_id) REFERENCES comments (id) ON DELETE CASCADE;
CREATE INDEX ix_comments_root ON comments (root_id, id);

-- whom an artist follows, newest first (followers already have ix_follows_followee)
CREATE INDEX ix_follows_follower ON follows (follower_id, state, created_at);
-- an account's blocks and mutes, newest first
CREATE INDEX ix_blocks_list ON blocks (account_id, created_at);
CREATE INDEX ix_mutes_list ON mutes (account_id, created_at);
