package dev.flightdeck.deploy.check;

import dev.flightdeck.deploy.EnvironmentConfig;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The findings of the checks that name people or repeat text someone typed, in the words the team reads. A finding
 * is stored with the deploy and shown in its thread and on its page, so the Slack feature writes it (mentions,
 * escaping) and the checks hand over only the facts.
 */
public interface CheckWords {

    /** A manual lock: who set it, since when, and the reason as they typed it. */
    String locked(String service, String environment, String lockedBy, Instant since, String reason);

    /** The approval rule of an environment: how many goes, from whom, whether the requester may approve. */
    String approvalRule(EnvironmentConfig env);

    /** The open incidents that freeze an environment, most severe first. */
    String frozen(List<FrozenBy> incidents, String environment, String threshold);

    // ---- gate promoted ----

    /** The version SUCCEEDED in {@code from} (the environment it is promoted from): which deploy, and when it ended. */
    String promoted(String version, String from, long deployId, Instant finishedAt);

    /** The version has not SUCCEEDED in {@code from}; {@code liveThere} is the version live there, if any. */
    String notPromoted(String version, String from, Optional<String> liveThere);

    /** The gate is on but the environment names no {@code promotion-from}: nothing to require. */
    String promotesFromNowhere(String environment);

    /** An open incident that freezes deploys: its id, severity label and title as typed. */
    record FrozenBy(String id, String severity, String title) {
    }
}
