package dev.flightdeck.envconfig.change;

import java.util.Optional;

/**
 * Writes one configuration value where it lives (port; SSM and Secrets Manager are the adapters). Every write is
 * conditional on the version read at proposal: if the stored version differs, nothing is written. AWS throttling
 * is retried with backoff inside the adapter; what is returned is final for this attempt. No message, log line or
 * exception from here carries a value.
 */
public interface ConfigWriter {

    /** What a write did. */
    sealed interface Result {
    }

    /** Written; {@code version} is the stored version now (SSM: the parameter version; Secrets Manager: the new version id, as {@code config show} prints it). */
    record Written(String version) implements Result {
    }

    /** The stored version is not {@code expectedVersion} any more: nothing written. {@code by} is who changed it, when the store says (SSM's LastModifiedUser). */
    record VersionMoved(String currentVersion, Optional<String> by) implements Result {
    }

    /** AWS refused or could not be reached (after retries for throttling); {@code message} is safe to show. */
    record Failed(String message) implements Result {
    }

    /**
     * Sets the value: SSM {@code PutParameter} (overwrite, same type, {@code kmsKey} for a {@code SecureString}),
     * or Secrets Manager {@code PutSecretValue} (one member of a JSON secret, the rest unchanged; or the whole secret).
     *
     * @param expectedVersion the version read at proposal; "" when the key did not exist (then it must still not)
     */
    Result set(ConfigTarget target, String expectedVersion, String value, Optional<String> kmsKey);

    /** Removes the key: SSM {@code DeleteParameter}, or the member taken out of the JSON secret. */
    Result unset(ConfigTarget target, String expectedVersion);

    /**
     * The value the key held just before {@code version} was written (SSM parameter history; Secrets Manager's
     * previous version), for {@code config revert}. Held in memory by the caller only. Empty when the key did not
     * exist before that version, or the store no longer keeps it.
     *
     * @throws dev.flightdeck.envconfig.ConfigSourceException when the store can't be read (safe message)
     */
    Optional<String> valueBefore(ConfigTarget target, String version);
}
