package dev.flightdeck.envconfig.change;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of a stored configuration value, seen or made: by Flightdeck on a go ({@code changeId} set,
 * {@code actor} the approver whose go applied it) or outside it ({@code outside}, {@code actor} the IAM ARN or user
 * AWS names, "" when unknown). Versions and fingerprints only, never a value.
 */
public record ConfigEvent(String service, String environment, String key, Instant at, String actor, boolean outside,
                          String oldVersion, String newVersion, String oldFingerprint, String newFingerprint,
                          Optional<Long> changeId) {

    public ConfigEvent {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        actor = actor == null ? "" : actor;
        oldVersion = oldVersion == null ? "" : oldVersion;
        newVersion = newVersion == null ? "" : newVersion;
        oldFingerprint = oldFingerprint == null ? "" : oldFingerprint;
        newFingerprint = newFingerprint == null ? "" : newFingerprint;
    }

    /** A key taken away (Flightdeck's unset, or a removal seen outside): there is no new value to fingerprint. */
    public boolean removed() {
        return newFingerprint.isEmpty();
    }

    /**
     * The version a removal seen outside is recorded under: the store has no version after a delete, and the history
     * keeps one row per version, so it is named after the version that went.
     */
    public static String removalOf(String oldVersion) {
        return "removed-after-" + oldVersion;
    }
}
