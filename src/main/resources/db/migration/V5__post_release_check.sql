-- After a deploy succeeds, its service's deep health URL and alarms are watched for a while (DESIGN section 3).
-- One row per deploy; a due probe is claimed by a conditional update of next_at, so replicas probe it once.
CREATE TABLE post_release_check (
    deploy_id   BIGINT                   PRIMARY KEY,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    next_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    probes      INTEGER                  NOT NULL,
    outcome     VARCHAR(20)
);
CREATE INDEX post_release_check_due ON post_release_check (outcome, next_at);
