-- Issue 20: the schedulers ask "when is my next item due?" on every look (one indexed MIN instead of a scan on a
-- fixed beat), and the pages and commands stay flat at 100x a busy team's history.
-- Nudges and expiry of pending requests: the state narrows to the few pending rows, the time orders them.
CREATE INDEX deploy_request_state_next_nudge ON deploy_request (state, next_nudge_at);
CREATE INDEX deploy_request_state_expires ON deploy_request (state, expires_at);
-- Declarations whose set-up stalled: the few unfinished ones, by lease end.
CREATE INDEX incident_setup_lease ON incident (setup_complete, setup_lease_until);
-- The deploys page: requests in a date range (the default last 30 days), newest first; without it every page view
-- read the whole table.
CREATE INDEX deploy_request_requested_at ON deploy_request (requested_at);
-- /deploy history and the last success: a service's (and environment's) latest requests by id, read from the top.
CREATE INDEX deploy_request_service_id ON deploy_request (service, id);
CREATE INDEX deploy_request_service_env_id ON deploy_request (service, environment, id);
