package dev.flightdeck.envconfig.change;

import java.util.Optional;

/**
 * What a change does to the value. Plain values are kept ({@code oldValue}/{@code newValue}); a secret's never are,
 * only fingerprints (the installation's keyed hash, as {@code config show} prints). {@code baseVersion} is the
 * stored version when proposed ("" when the key did not exist there): a write happens only if it is still the one.
 * {@code toString()} prints no value.
 */
public record ValueChange(String baseVersion, Optional<String> oldValue, Optional<String> newValue,
                          String oldFingerprint, String newFingerprint) {

    public ValueChange {
        baseVersion = baseVersion == null ? "" : baseVersion;
        oldFingerprint = oldFingerprint == null ? "" : oldFingerprint;
        newFingerprint = newFingerprint == null ? "" : newFingerprint;
    }

    /** The key existed when proposed. */
    public boolean hadValue() {
        return !oldFingerprint.isEmpty();
    }

    @Override
    public String toString() {
        return "ValueChange[v" + baseVersion + ", fp " + oldFingerprint + " -> " + newFingerprint + "]";
    }
}
