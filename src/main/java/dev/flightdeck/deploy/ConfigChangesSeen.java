package dev.flightdeck.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The configuration changes recorded for a service in an environment (port; the config history answers it), so a
 * deploy's go/no-go can say what changed in its configuration since the last deploy. Keys, versions and who — never
 * a value.
 */
public interface ConfigChangesSeen {

    /** Changes at or after {@code since}, oldest first, at most {@code limit}. */
    List<Change> since(String service, String environment, Instant since, int limit);

    /**
     * @param actor   a Slack user id when made through Flightdeck; otherwise who AWS named ("" when it did not)
     * @param outside made outside Flightdeck
     */
    record Change(String key, Instant at, String actor, boolean outside, String oldVersion, String newVersion) {
        public Change {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(at, "at");
        }
    }
}
