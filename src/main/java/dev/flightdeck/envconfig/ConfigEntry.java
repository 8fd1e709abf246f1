package dev.flightdeck.envconfig;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration key of a service in one environment, as Flightdeck may show it. A secret (an SSM
 * {@code SecureString} or any Secrets Manager value) never has its value here: only its {@link #fingerprint()},
 * a keyed hash that tells two environments apart without revealing anything. {@link #toString()} never prints
 * a value either, so an entry can be logged safely.
 *
 * @param key            the name the service sees, e.g. {@code EMAIL_QUEUE_URL}
 * @param source         where it lives: the full parameter name or the secret's name
 * @param type           {@code String}, {@code StringList}, {@code SecureString} or {@code secret}
 * @param plainValue     the value, for plain types only
 * @param fingerprint    keyed hash of the value (plain and secret), short hex
 * @param version        the source's version (parameter version, secret version id)
 * @param lastModifiedBy who changed it last, when the source says so
 */
public record ConfigEntry(String key, String source, String type, Optional<String> plainValue, String fingerprint,
                          String version, Optional<Instant> lastModified, Optional<String> lastModifiedBy) {

    public static final String SECRET_TYPE = "secret";
    public static final String SECURE_STRING = "SecureString";

    public ConfigEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        version = version == null ? "" : version;
        if (plainValue.isPresent() && (SECURE_STRING.equals(type) || SECRET_TYPE.equals(type))) {
            throw new IllegalArgumentException("a " + type + " entry cannot carry its value: " + key);
        }
    }

    public static ConfigEntry plain(String key, String source, String type, String value, Fingerprinter fingerprints,
                                    String version, Optional<Instant> lastModified, Optional<String> lastModifiedBy) {
        return new ConfigEntry(key, source, type, Optional.of(value), fingerprints.of(value), version, lastModified,
                lastModifiedBy);
    }

    /** An entry whose value was read only to compute {@code fingerprint}; the value itself is not kept. */
    public static ConfigEntry secret(String key, String source, String type, String fingerprint, String version,
                                     Optional<Instant> lastModified, Optional<String> lastModifiedBy) {
        return new ConfigEntry(key, source, type, Optional.empty(), fingerprint, version, lastModified, lastModifiedBy);
    }

    public boolean isSecret() {
        return plainValue.isEmpty();
    }

    /** Same value on both sides: plain values compared as text, secrets by fingerprint. */
    public boolean sameValueAs(ConfigEntry other) {
        if (!isSecret() && !other.isSecret()) {
            return plainValue.equals(other.plainValue);
        }
        return fingerprint.equals(other.fingerprint);
    }

    /** What may be shown for the value: the plain value, or a masked stand-in naming the fingerprint. */
    public String shownValue() {
        return plainValue.orElse("•••••• (fp " + fingerprint + ")");
    }

    @Override
    public String toString() {
        return "ConfigEntry[" + key + " from " + source + ", " + type + ", v" + version + ", fp " + fingerprint + "]";
    }
}
