-- Issue 20 (growth): the daily rollup of finished deploys that delivery metrics read, so the 365-day page and
-- /deploy stats read a row per day (per environment, and per service asked for) instead of every deploy.
-- One row per UTC day of finished_at, environment and service; service '' is every service together. Only SUCCEEDED
-- and FAILED deploys (changes). Exact, not bucketed: lead_times is each distinct lead time in microseconds with its
-- count ("micros" or "micros*count", ascending, comma-separated), success_times each success's finish in
-- microseconds since the day's start (service rows only), so the figures equal those from the raw rows.
CREATE TABLE delivery_day (
    utc_day       DATE              NOT NULL,
    environment   VARCHAR(100)      NOT NULL,
    service       VARCHAR(100)      NOT NULL,
    succeeded     INTEGER           NOT NULL,
    failed        INTEGER           NOT NULL,
    lead_times    CHARACTER VARYING NOT NULL,
    success_times CHARACTER VARYING NOT NULL,
    CONSTRAINT delivery_day_pkey PRIMARY KEY (utc_day, environment, service)
);
-- A service's days (the ones a rollback or an incident could make failed changes of).
CREATE INDEX delivery_day_service ON delivery_day (service, utc_day);

-- Finished deploys not rolled up yet: written in the transaction that finishes the deploy, claimed (deleted) by the
-- transaction that adds it to its days; reports read what is still here raw.
CREATE TABLE delivery_pending (
    deploy_id BIGINT NOT NULL PRIMARY KEY
);

-- Every service the rollup has days of: the names an incident's title is matched against.
CREATE TABLE delivery_service (
    service VARCHAR(100) NOT NULL PRIMARY KEY
);

-- The history so far is queued here and rolled up after start-up, a batch per transaction (metrics.DeliveryRollup).
INSERT INTO delivery_pending (deploy_id)
SELECT id FROM deploy_request WHERE state IN ('SUCCEEDED', 'FAILED') AND finished_at IS NOT NULL;
