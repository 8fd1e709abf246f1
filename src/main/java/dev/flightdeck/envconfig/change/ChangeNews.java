package dev.flightdeck.envconfig.change;

/**
 * What happened to a change request that the channel hears of (in the request's thread, and the message redrawn).
 * People are Slack user ids; the Slack adapter chooses every word.
 */
public sealed interface ChangeNews {

    /** A go that was not yet the last one needed. */
    record GoRecorded(String userId, int have, int need) implements ChangeNews {
    }

    /** The last go: the write starts. */
    record Applying(String userId) implements ChangeNews {
    }

    /** Written; the channel also gets {@code PROD: config KEY of svc changed by <@U> (version 3 → 4)}. */
    record Applied(String userId, String oldVersion, String newVersion) implements ChangeNews {
    }

    /** Not written: the stored version moved since the proposal. {@code by} names who, when AWS says. */
    record Conflicted(String currentVersion, java.util.Optional<String> by) implements ChangeNews {
    }

    /** Not written: AWS refused or could not be reached (safe message); Retry and Cancel are offered. */
    record WriteFailed(String message) implements ChangeNews {
    }

    record Retried(String userId) implements ChangeNews {
    }

    record Rejected(String userId) implements ChangeNews {
    }

    record Cancelled(String userId) implements ChangeNews {
    }

    record Expired() implements ChangeNews {
    }

    /** A failing rule let through by an approver, with their reason (text they typed: escape it). */
    record Overridden(String userId, String reason) implements ChangeNews {
    }

    /** The approvers are reminded ({@code count}: how many nudges so far, this one included). */
    record Nudged(int count) implements ChangeNews {
    }
}
