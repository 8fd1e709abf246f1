-- Signed Slack requests already received (issue 13, item 16): a captured /deploy or /incident declare replayed within
-- the signature's 5-minute window is refused on every replica. Keyed by a hash of the signature header; a row is of
-- no use once its request's timestamp is outside the window, so expired rows are purged.
CREATE TABLE slack_request_seen (
    signature_hash  VARCHAR(64)              PRIMARY KEY,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX slack_request_seen_expires_idx ON slack_request_seen (expires_at);
