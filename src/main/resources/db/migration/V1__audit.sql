CREATE TABLE audit_event (
    id            BIGSERIAL PRIMARY KEY,
    event_id      VARCHAR(36)  NOT NULL UNIQUE,
    type          VARCHAR(100) NOT NULL,
    schema_version INT         NOT NULL,
    actor         VARCHAR(100) NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    trace_id      VARCHAR(64),
    payload       TEXT         NOT NULL
);
CREATE INDEX audit_event_type_time ON audit_event (type, occurred_at);
