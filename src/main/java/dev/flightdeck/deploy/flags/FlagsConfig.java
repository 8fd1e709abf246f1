package dev.flightdeck.deploy.flags;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The team file's {@code flags}: one feature-flag provider. {@code environments} maps Flightdeck's environment names
 * to the provider's (LaunchDarkly environment keys, Flagsmith environment keys); a name not listed maps to itself.
 * {@code killSwitches} are the flag keys (the provider's) that the commander of an open incident may flip without
 * waiting for approval. Tokens are named by environment variable, never held here.
 */
public sealed interface FlagsConfig {

    String tokenEnv();

    Map<String, String> environments();

    /** Flag keys marked as kill switches ({@code kill-switches: [new-emails]}). */
    Set<String> killSwitches();

    /** The provider's name for a Flightdeck environment. */
    default String providerEnvironment(String environment) {
        return environments().getOrDefault(environment, environment);
    }

    default boolean isKillSwitch(String flagKey) {
        return killSwitches().contains(flagKey);
    }

    /** Which provider, as people read it. */
    default String providerName() {
        return this instanceof LaunchDarkly ? "LaunchDarkly" : "Flagsmith";
    }

    record LaunchDarkly(String project, String tokenEnv, Map<String, String> environments, Set<String> killSwitches)
            implements FlagsConfig {
        public LaunchDarkly {
            environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
            killSwitches = Collections.unmodifiableSet(new LinkedHashSet<>(killSwitches));
        }

        public LaunchDarkly(String project, String tokenEnv, Map<String, String> environments) {
            this(project, tokenEnv, environments, Set.of());
        }
    }

    /** {@code environments} maps to Flagsmith environment keys (the API's {@code environment_api_key}). */
    record Flagsmith(String tokenEnv, Map<String, String> environments, Set<String> killSwitches) implements FlagsConfig {
        public Flagsmith {
            environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
            killSwitches = Collections.unmodifiableSet(new LinkedHashSet<>(killSwitches));
        }

        public Flagsmith(String tokenEnv, Map<String, String> environments) {
            this(tokenEnv, environments, Set.of());
        }
    }
}
