package dev.flightdeck.envconfig.change;

import dev.flightdeck.deploy.ApproverRef;

import java.util.List;

/**
 * What a config change use case answers its caller (the person who typed or clicked). What the channel hears goes
 * through {@link ConfigChangeNews}; this is for the caller alone (an ephemeral answer, a modal error).
 */
public sealed interface ChangeOutcome {

    sealed interface Done extends ChangeOutcome {
    }

    sealed interface Refused extends ChangeOutcome {
    }

    /** The key may be proposed: open the modal. {@code current} is what {@code config show} would print for the
     *  value now (a plain value, or nothing for a secret or an absent key) — never pre-filled for a secret. */
    record Ready(ConfigTarget target, java.util.Optional<String> current) implements Done {
    }

    /** Posted to the environment's channel (or {@code blocked}: posted, but a rule fails and only an override lets it go). */
    record Proposed(ConfigChange change) implements Done {
    }

    record GoRecorded(ConfigChange change, int have, int need) implements Done {
    }

    /** The last go: the caller runs {@link ConfigChanges#apply} after the ack. */
    record Applying(ConfigChange change) implements Done {
    }

    record Rejected(ConfigChange change) implements Done {
    }

    record Cancelled(ConfigChange change) implements Done {
    }

    record Overridden(ConfigChange change) implements Done {
    }

    record UnknownService(String service, List<String> closest) implements Refused {
    }

    record UnknownEnvironment(String environment, List<String> closest) implements Refused {
    }

    /** The service's team file entry lacks {@code config: { changes: true }}. */
    record ChangesNotAllowed(String service) implements Refused {
    }

    record UnknownKey(String service, String environment, String key, List<String> closest) implements Refused {
    }

    /** The value is not acceptable as typed (empty, too long for the store, same as now); {@code problem} is plain words without the value. */
    record BadValue(String problem) implements Refused {
    }

    /** Reading the current configuration failed (safe message). */
    record SourceDown(String message) implements Refused {
    }

    record NoSuchChange(long id) implements Refused {
    }

    /** A revert of a change that did not apply, or whose previous value AWS no longer holds. */
    record NothingToRevert(ConfigChange change, String why) implements Refused {
    }

    record NotWaiting(ConfigChange change) implements Refused {
    }

    record NotApprover(String environment, List<ApproverRef> approvers) implements Refused {
    }

    record OwnRequest(String environment, List<ApproverRef> approvers, boolean override) implements Refused {
    }

    record DirectoryDown(String detail) implements Refused {
    }

    record AlreadyApproved(ConfigChange change) implements Refused {
    }

    /** A failing rule blocks the go until an approver overrides it. */
    record BlockedByRules(ConfigChange change) implements Refused {
    }

    record NothingBlocks(ConfigChange change) implements Refused {
    }

    record ReasonLength(int min, int max) implements Refused {
    }

    /** Cancel and retry: the proposer or an approver only. */
    record NotProposerOrApprover(ConfigChange change) implements Refused {
    }

    /** The request could not be posted to the channel: nothing is pending. */
    record PostFailed(String channel) implements Refused {
    }
}
