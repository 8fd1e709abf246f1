-- A proposed secret value waiting for its go (issue 16 item 5; persistence/configchange/JdbcPendingValues): only
-- AES-256-GCM ciphertext, whose key is not in this database (FLIGHTDECK_CONFIG_KEY, else derived from the Slack
-- signing secret), with the change id as associated data so a row cannot be moved to another change. key_id names
-- the key that sealed it (a truncated HMAC of a fixed label, not the key), so a key change is told from tampering.
-- Deleted when the change is final and, in any case, once past expires_at.
CREATE TABLE config_pending_value (
    change_id  BIGINT                   NOT NULL PRIMARY KEY,
    nonce      BYTEA                    NOT NULL,
    ciphertext BYTEA                    NOT NULL,
    key_id     VARCHAR(16)              NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX config_pending_value_expiry ON config_pending_value (expires_at);
