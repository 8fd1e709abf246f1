-- Builds Flightdeck did not start are announced once per build and status, across replicas and repeated deliveries
-- (Jenkins sends COMPLETED then FINALIZED; a backend may retry a webhook): the first insert of a key wins.
CREATE TABLE build_announcement (
    announce_key  VARCHAR(500)             PRIMARY KEY,
    announced_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
