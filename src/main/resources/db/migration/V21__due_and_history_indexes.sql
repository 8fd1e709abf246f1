-- Issue 20: the schedulers ask "when is my next item due?" on every look (one indexed MIN instead of a scan on a
-- fixed beat), and the pages and commands stay flat at 100x a busy team's history.
-- Nudges and expiry of pending requests: the state narrows to the few pending rows, the time orders them.
CREATE INDEX deploy_request_state_next_nudge ON deploy_request (state, next_nudge_at);
CREATE INDEX deploy_request_state_expires ON deploy_request (state, expires_at);
-- Declarations whose set-up stalled: the few unfinished ones, by lease end.
CREATE INDEX incident_setup_lease ON incident (setup_complete, setup_lease_until);
