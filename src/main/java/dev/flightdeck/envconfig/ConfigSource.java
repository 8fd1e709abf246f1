package dev.flightdeck.envconfig;

import dev.flightdeck.envconfig.EnvConfigSettings;

import java.util.List;

/**
 * A store of a service's configuration (named by its role; SSM and Secrets Manager are adapters behind it).
 * A source reads only the part of {@link EnvConfigSettings} that is its own and returns nothing when the
 * service has none there.
 */
public interface ConfigSource {

    /** Short name shown to people: "SSM Parameter Store", "Secrets Manager". */
    String name();

    /**
     * Every key of the service in the environment, secrets masked (never a secret value).
     *
     * @throws ConfigSourceException when the store can't be read (unreachable, denied, throttled past retries);
     *                               its message is safe to show and never contains a value
     */
    SourceRead read(String service, String env, EnvConfigSettings settings);

    /**
     * The values of the service's secrets in the environment (SSM {@code SecureString} parameters, Secrets Manager
     * secrets and each member of a JSON secret), only to mask them in text in memory: the caller compares and drops
     * them, and never stores, logs or caches them. A source without secrets returns none.
     *
     * @throws ConfigSourceException when the store can't be read; its message never contains a value
     */
    default List<String> secretValues(String service, String env, EnvConfigSettings settings) {
        return List.of();
    }

    /** When two sources define one key, the higher precedence wins (Secrets Manager over SSM). */
    default int precedence() {
        return 0;
    }
}
