package dev.flightdeck.deploy.flags;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The team file's {@code flags}: one feature-flag provider. {@code environments} maps Flightdeck's environment names
 * to the provider's (LaunchDarkly environment keys, Flagsmith environment keys); a name not listed maps to itself.
 * Tokens are named by environment variable, never held here.
 */
public sealed interface FlagsConfig {

    String tokenEnv();

    Map<String, String> environments();

    /** The provider's name for a Flightdeck environment. */
    default String providerEnvironment(String environment) {
        return environments().getOrDefault(environment, environment);
    }

    record LaunchDarkly(String project, String tokenEnv, Map<String, String> environments) implements FlagsConfig {
        public LaunchDarkly {
            environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        }
    }

    record Flagsmith(String tokenEnv, Map<String, String> environments) implements FlagsConfig {
        public Flagsmith {
            environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        }
    }
}
