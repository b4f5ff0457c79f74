-- Federation, first layer: the key pair each actor signs its requests with (HTTP Signatures) and
-- publishes in its actor document. One per local account, made on first need, and one for the
-- instance actor (account_id 0, which no account has: hence no foreign key). RSA 2048, PEM.
CREATE TABLE actor_keys (
    account_id       BIGINT        NOT NULL PRIMARY KEY,
    public_key_pem   VARCHAR(1000) NOT NULL,
    private_key_pem  TEXT          NOT NULL,
    created_at       DATETIME(3)   NOT NULL
);
