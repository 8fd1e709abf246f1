package dev.flightdeck.envconfig.change;

import dev.flightdeck.envconfig.ConfigEntry;

import java.util.Objects;

/**
 * The one stored value a change is about. {@code source} is where it lives: the full SSM parameter name, or the
 * Secrets Manager secret's name (then {@code key} is a member of its JSON object, or the secret as a whole when it
 * is not JSON). {@code type} is the stored type ({@code String}, {@code StringList}, {@code SecureString},
 * {@code secret}) and a write keeps it.
 */
public record ConfigTarget(String service, String environment, String key, String source, String type) {

    public ConfigTarget {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }

    /** Its value is never shown, logged, stored or posted: only fingerprints. */
    public boolean isSecret() {
        return ConfigEntry.SECURE_STRING.equals(type) || ConfigEntry.SECRET_TYPE.equals(type);
    }

    public boolean inSecretsManager() {
        return ConfigEntry.SECRET_TYPE.equals(type);
    }
}
