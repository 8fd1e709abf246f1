package dev.flightdeck.envconfig.change;

import java.time.Instant;
import java.util.List;

/**
 * Every change of a changeable value Flightdeck made or saw (port). One row per service, environment, key and new
 * version, so the same change seen twice (an event and a scan, two replicas, Flightdeck's own write and then its
 * event) is recorded — and announced — once.
 */
public interface ConfigHistory {

    /** @return false when this service, environment, key and new version was already recorded (nothing written) */
    boolean record(ConfigEvent event);

    /** Whether this version of the key is already recorded. */
    boolean known(String service, String environment, String key, String version);

    /** Changes to the service in the environment at or after {@code since}, oldest first, at most {@code limit}. */
    List<ConfigEvent> since(String service, String environment, Instant since, int limit);
}
