-- Releases open deploy requests (DESIGN section 11, issue 15 item 1). One row per GitHub release and service it opened
-- a request for, written in the transaction that stores the request: a release delivered twice (GitHub's redelivery,
-- two replicas, JSON then form) finds its row and opens nothing more; a crash keeps both or neither. The repository is
-- stored in lower case (GitHub compares owner/name without case).
CREATE TABLE release_request (
    repository   VARCHAR(200)             NOT NULL,
    release_id   BIGINT                   NOT NULL,
    service      VARCHAR(100)             NOT NULL,
    tag          VARCHAR(255)             NOT NULL,
    request_id   BIGINT                   NOT NULL REFERENCES deploy_request (id),
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (repository, release_id, service)
);

-- A release's author whose GitHub login the team file does not map to a Slack user is stored as the requester
-- "github:<login>" (logins are up to 39 characters), wider than a Slack user id.
ALTER TABLE deploy_request ALTER COLUMN requester_id SET DATA TYPE VARCHAR(64);
