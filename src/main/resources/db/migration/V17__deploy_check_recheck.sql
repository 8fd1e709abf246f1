-- Gate ci: a check that has not settled (CI still running, or GitHub could not be read) is stored with when it runs
-- again, and what it waits on (the commit sha), so any replica can claim the re-check (a conditional update of
-- recheck_at, like a nudge) and a GitHub delivery for that commit can make it due at once. A waiting check lets the
-- goes in but holds the build's start.
ALTER TABLE deploy_check ADD COLUMN waiting BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE deploy_check ADD COLUMN recheck_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE deploy_check ADD COLUMN waits_on VARCHAR(100);
CREATE INDEX deploy_check_recheck_at_idx ON deploy_check (recheck_at);
CREATE INDEX deploy_check_waits_on_idx ON deploy_check (waits_on);
