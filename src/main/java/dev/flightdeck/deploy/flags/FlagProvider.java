package dev.flightdeck.deploy.flags;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The feature-flag provider named in the team file (port; LaunchDarkly and Flagsmith in {@code flagproviders}).
 * Safe retries (rate limits, a provider briefly down) happen behind it; what it throws or answers as failed is final.
 */
public interface FlagProvider {

    /** The flag in each of {@code providerEnvironments}; an environment the provider does not know is left out. */
    Reading read(FlagsConfig config, String flagKey, List<String> providerEnvironments) throws FlagProviderException;

    /**
     * Turns the flag on or off in one environment. {@code comment} names the Flightdeck request (LaunchDarkly keeps it
     * in the flag's audit log). Turning a flag to the state it is in changes nothing and succeeds.
     */
    FlipResult flip(FlagsConfig config, String flagKey, String providerEnvironment, boolean on, String comment);

    /**
     * @param name       the flag's display name (its key when the provider has none)
     * @param variations the values it can serve, as text
     */
    record Reading(String key, String name, List<String> variations, Map<String, EnvironmentState> environments) {
        public Reading {
            variations = List.copyOf(variations);
            environments = Map.copyOf(environments);
        }
    }

    /**
     * @param servesWhenOn  the variation served to everyone else when on (LaunchDarkly's fallthrough), or the value
     * @param servesWhenOff the variation served when off
     */
    record EnvironmentState(boolean on, Optional<String> servesWhenOn, Optional<String> servesWhenOff,
                            Optional<Instant> lastModified) {
    }

    sealed interface FlipResult {
    }

    record Flipped() implements FlipResult {
    }

    /** Not applied: {@code message} says why in words a channel can read (never a token). */
    record Failed(String message) implements FlipResult {
    }
}
