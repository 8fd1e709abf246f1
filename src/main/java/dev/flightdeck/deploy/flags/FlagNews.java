package dev.flightdeck.deploy.flags;

/**
 * What happened to a flag request that the channel hears of (in the request's thread, the message redrawn). People are
 * Slack user ids; the Slack adapter chooses every word.
 */
public sealed interface FlagNews {

    /** A go that was not yet the last one needed. */
    record GoRecorded(String userId, int have, int need) implements FlagNews {
    }

    /** The last go (or an announce-only environment): the provider is being called. */
    record Applying(String userId) implements FlagNews {
    }

    /** The commander of an open incident flipped a kill switch without approval: said loudly. */
    record KillSwitched(String userId, long incidentNumber) implements FlagNews {
    }

    /** The provider took it; the channel also gets {@code PROD: flag new-emails turned on by <@U>}. */
    record Applied(String userId) implements FlagNews {
    }

    /** The provider refused or could not be reached (safe message); Retry and Cancel are offered. */
    record ApplyFailed(String message) implements FlagNews {
    }

    record Retried(String userId) implements FlagNews {
    }

    record Rejected(String userId) implements FlagNews {
    }

    record Cancelled(String userId) implements FlagNews {
    }

    record Expired() implements FlagNews {
    }

    /** The approvers are reminded ({@code count}: this one included). */
    record Nudged(int count) implements FlagNews {
    }
}
