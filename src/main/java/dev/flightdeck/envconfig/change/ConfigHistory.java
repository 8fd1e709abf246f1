package dev.flightdeck.envconfig.change;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /**
     * Records a version the watch saw without calling it a change: the first scan of a key, or a new version of a
     * JSON secret that left this member's value as it was. {@link #known} and {@link #latest} see it; {@link #since}
     * does not (a deploy lists changes, not sightings). Added for the watch (issue 16).
     *
     * @return false when this version was already recorded
     */
    boolean baseline(ConfigEvent event);

    /**
     * The last version recorded of the key, change or baseline, in the order they were recorded: what the watch
     * compares the stored version (and a secret member's fingerprint) with. Added for the watch (issue 16).
     */
    Optional<ConfigEvent> latest(String service, String environment, String key);

    /**
     * The last recorded event of every key of the service in the environment (baselines included): what the watch
     * compares a fresh read with to see keys removed outside Flightdeck.
     */
    List<ConfigEvent> latestPerKey(String service, String environment);
}
