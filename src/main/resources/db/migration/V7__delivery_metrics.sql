-- Delivery metrics read deploys and incidents by time range (finished, requested, started, resolved); these keep a
-- week's figures from scanning years of history.
CREATE INDEX deploy_request_finished_at ON deploy_request (finished_at);
CREATE INDEX deploy_request_rollback_requested ON deploy_request (rollback_of, requested_at);
CREATE INDEX incident_started_at ON incident (started_at);
CREATE INDEX incident_resolved_at ON incident (resolved_at);
