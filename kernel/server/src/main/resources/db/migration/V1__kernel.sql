-- The kernel's first schema. Runs unchanged on H2 (MODE=MariaDB) and MariaDB 10.6+.
-- Times are DATETIME(3) in UTC, always written by the application (never NOW()), so that
-- both databases and every kernel node agree.

CREATE TABLE accounts (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(30)   NOT NULL,
    email         VARCHAR(254)  NOT NULL,
    display_name  VARCHAR(100)  NOT NULL,
    bio           VARCHAR(2000) NOT NULL DEFAULT '',
    password_hash VARCHAR(255)  NOT NULL,
    role          VARCHAR(16)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    created_at    DATETIME(3)   NOT NULL,
    CONSTRAINT uq_accounts_username UNIQUE (username),
    CONSTRAINT uq_accounts_email UNIQUE (email)
);

CREATE TABLE sessions (
    id_hash      CHAR(64)     NOT NULL PRIMARY KEY,
    account_id   BIGINT       NOT NULL,
    csrf_token   VARCHAR(64)  NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    expires_at   DATETIME(3)  NOT NULL,
    CONSTRAINT fk_sessions_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX ix_sessions_account ON sessions (account_id);

CREATE TABLE invites (
    code_hash   CHAR(64)     NOT NULL PRIMARY KEY,
    created_by  BIGINT       NOT NULL,
    note        VARCHAR(200) NOT NULL DEFAULT '',
    max_uses    INT          NOT NULL,
    uses        INT          NOT NULL DEFAULT 0,
    created_at  DATETIME(3)  NOT NULL,
    expires_at  DATETIME(3)  NOT NULL,
    CONSTRAINT fk_invites_account FOREIGN KEY (created_by) REFERENCES accounts (id) ON DELETE CASCADE
);

CREATE TABLE instance_settings (
    setting_name   VARCHAR(64)   NOT NULL PRIMARY KEY,
    setting_value  VARCHAR(4000) NOT NULL
);

CREATE TABLE plugins (
    symbolic_name  VARCHAR(200)  NOT NULL PRIMARY KEY,
    version        VARCHAR(100)  NOT NULL,
    jar_sha256     CHAR(64)      NOT NULL,
    desired_state  VARCHAR(16)   NOT NULL,
    bundled        BOOLEAN       NOT NULL,
    installed_at   DATETIME(3)   NOT NULL,
    updated_at     DATETIME(3)   NOT NULL
);

CREATE TABLE jobs (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    queue         VARCHAR(64)   NOT NULL,
    payload       TEXT          NOT NULL,
    state         VARCHAR(16)   NOT NULL,
    attempts      INT           NOT NULL DEFAULT 0,
    max_attempts  INT           NOT NULL,
    run_at        DATETIME(3)   NOT NULL,
    locked_by     VARCHAR(100)  NULL,
    locked_until  DATETIME(3)   NULL,
    last_error    VARCHAR(2000) NULL,
    created_at    DATETIME(3)   NOT NULL,
    finished_at   DATETIME(3)   NULL
);
CREATE INDEX ix_jobs_claim ON jobs (queue, state, run_at);
