-- Federation, inbound: every activity a peer delivers, verified, stored before the 202 answer and
-- processed on the job queue. An activity id is taken once (its SHA-256, as ids are URLs longer
-- than an index allows): a peer retrying a delivery, or delivering to several inboxes here, is
-- processed once.
CREATE TABLE inbox_activities (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    activity_hash  CHAR(64)      NOT NULL,
    activity_id    VARCHAR(2048) NOT NULL,
    type           VARCHAR(64)   NOT NULL,
    actor_id       VARCHAR(2048) NOT NULL,
    key_id         VARCHAR(2048) NOT NULL,
    recipient_id   BIGINT        NULL,
    body           MEDIUMTEXT    NOT NULL,
    state          VARCHAR(16)   NOT NULL,
    received_at    DATETIME(3)   NOT NULL,
    CONSTRAINT uq_inbox_activities_hash UNIQUE (activity_hash)
);

-- The public keys of remote actors, by keyId (hashed, as above), fetched from the actor's
-- document the first time a signature names them and again when one no longer verifies.
CREATE TABLE remote_keys (
    key_hash        CHAR(64)      NOT NULL PRIMARY KEY,
    key_id          VARCHAR(2048) NOT NULL,
    owner_id        VARCHAR(2048) NOT NULL,
    public_key_pem  VARCHAR(4000) NOT NULL,
    fetched_at      DATETIME(3)   NOT NULL
);
