package dev.flightdeck.deploy.flags;

import dev.flightdeck.deploy.ApproverRef;

import java.util.List;
import java.util.Map;

/**
 * What a flag use case answers its caller (the person who typed or clicked). What the channel hears goes through
 * {@link FlagAnnouncer}.
 */
public sealed interface FlagOutcome {

    sealed interface Done extends FlagOutcome {
    }

    sealed interface Refused extends FlagOutcome {
    }

    /**
     * {@code /deploy flag <key> [env]}: the flag in each environment asked about (Flightdeck's names, in order; absent
     * where the provider does not have it), and the last change made through Flightdeck per environment.
     */
    record Shown(FlagsConfig config, FlagProvider.Reading reading, List<String> environments,
                 Map<String, FlagRequest> lastThroughFlightdeck) implements Done {
        public Shown {
            environments = List.copyOf(environments);
            lastThroughFlightdeck = Map.copyOf(lastThroughFlightdeck);
        }
    }

    /** Posted to the environment's channel for the approvers. */
    record Requested(FlagRequest request) implements Done {
    }

    /** Applied without waiting (a kill switch by the incident's commander, or an announce-only environment): the caller
     *  runs {@link FeatureFlags#apply} after the ack. */
    record Applying(FlagRequest request) implements Done {
    }

    record GoRecorded(FlagRequest request, int have, int need) implements Done {
    }

    record Rejected(FlagRequest request) implements Done {
    }

    record Cancelled(FlagRequest request) implements Done {
    }

    /** The team file names no flag provider. */
    record NoProvider() implements Refused {
    }

    record UnknownEnvironment(String environment, List<String> known) implements Refused {
    }

    record UnknownFlag(String flagKey, String provider) implements Refused {
    }

    /** The provider does not have the flag in that environment. */
    record NotInEnvironment(String flagKey, String environment, String providerEnvironment) implements Refused {
    }

    /** The provider refused the read or did not answer (safe message). */
    record ProviderDown(String message) implements Refused {
    }

    record AlreadyThere(String flagKey, String environment, boolean on) implements Refused {
    }

    /** A request for the same flag and environment is still open. */
    record PendingExists(FlagRequest request) implements Refused {
    }

    record NoSuchRequest(long id) implements Refused {
    }

    record NotWaiting(FlagRequest request) implements Refused {
    }

    record NotApprover(String environment, List<ApproverRef> approvers) implements Refused {
    }

    record OwnRequest(String environment, List<ApproverRef> approvers) implements Refused {
    }

    record DirectoryDown(String detail) implements Refused {
    }

    record AlreadyApproved(FlagRequest request) implements Refused {
    }

    record NotRequesterOrApprover(FlagRequest request) implements Refused {
    }

    record PostFailed(String channel) implements Refused {
    }
}
