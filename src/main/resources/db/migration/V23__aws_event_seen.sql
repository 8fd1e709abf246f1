-- EventBridge events already taken by POST /hooks/aws/events (issue 16 item 6, issue 17 item 1). EventBridge delivers
-- at least once and retries for up to 24 hours, to whichever replica; the first insert of an event id wins, the
-- others answer "already seen". Rows are of no use once retries are over, so rows older than a few days are purged.
CREATE TABLE aws_event_seen (
    id       VARCHAR(128)             PRIMARY KEY,
    seen_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX aws_event_seen_seen_at_idx ON aws_event_seen (seen_at);
