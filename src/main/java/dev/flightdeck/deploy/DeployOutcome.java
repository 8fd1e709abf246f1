package dev.flightdeck.deploy;

import java.util.List;

/**
 * The answer to a person's action on a deploy: done (what happened) or refused (why, and nothing changed). Each
 * variant carries ids and data only; the chat adapter chooses the words and the mentions.
 */
public sealed interface DeployOutcome {

    default boolean refused() {
        return this instanceof Refused;
    }

    /** Something changed (or, for the "may I" questions, the person may go on). */
    sealed interface Done extends DeployOutcome {
    }

    /** Nothing changed, for the reason the variant names. */
    sealed interface Refused extends DeployOutcome {
    }

    // ---- done ----

    /** Stored; {@code posted} when the go/no-go message is already in the channel; {@code blocking} stops the go. */
    record Requested(DeployRequest request, boolean posted, String channel, List<CheckResult> blocking) implements Done {
    }

    /** The person may go on to the reason form (no-go, override). */
    record Allowed(DeployRequest request) implements Done {
    }

    record GoRecorded(DeployRequest request, int have) implements Done {
    }

    record Approved(DeployRequest request) implements Done {
    }

    record Rejected(DeployRequest request) implements Done {
    }

    record Cancelled(DeployRequest request) implements Done {
    }

    /** A deploy whose build was triggering or running was cancelled; its build may still run in CI. */
    record StuckCancelled(DeployRequest request) implements Done {
    }

    record Overridden(DeployRequest request, String userId, List<CheckResult> blocking, String reason) implements Done {
    }

    record BuildStarted(DeployRequest request) implements Done {
    }

    /** A build backend's report moved the deploy to {@code request.state()}. */
    record BuildMoved(DeployRequest request) implements Done {
    }

    record Locked(ManualLock lock) implements Done {
    }

    record Unlocked(String service, String environment, String userId) implements Done {
    }

    /** A click on the checklist: what it ticked and unticked (both empty: it changed nothing, e.g. a repeat). */
    record ChecklistTicked(DeployRequest request, List<String> ticked, List<String> unticked) implements Done {
    }

    // ---- refused ----

    record NoSuchRequest(long id) implements Refused {
    }

    /** The request is past the point where this action applies. */
    record NotWaiting(DeployRequest request) implements Refused {
    }

    record NotApprover(String environment, List<ApproverRef> approvers) implements Refused {
    }

    /** The requester may not approve (or override) their own request here. */
    record OwnRequest(String environment, List<ApproverRef> approvers, boolean override) implements Refused {
    }

    /** Who the approvers are could not be known; nothing was changed. {@code detail} may be empty. */
    record DirectoryDown(String detail) implements Refused {
    }

    record BlockedByChecks(DeployRequest request, List<CheckResult> blocking) implements Refused {
    }

    /** Another deploy of the same service and environment holds the lock. */
    record OneAtATime(DeployRequest holder) implements Refused {
    }

    record AlreadyWent(DeployRequest request) implements Refused {
    }

    /** A no-go or override reason outside {@code min..max} characters. */
    record ReasonLength(boolean override, int min, int max) implements Refused {
    }

    record NotRequesterOrApprover(DeployRequest request) implements Refused {
    }

    record AlreadyStarted(DeployRequest request) implements Refused {
    }

    /** Only an approver cancels a deploy whose build is triggering or running. */
    record StuckNeedsApprover(DeployRequest request) implements Refused {
    }

    record StuckNeedsReason(DeployRequest request, int max) implements Refused {
    }

    record NotRunner(DeployRequest request) implements Refused {
    }

    record NeedsGo(DeployRequest request) implements Refused {
    }

    /** The build waits until every checklist item is ticked; {@code unticked} names the rest. */
    record ChecklistOpen(DeployRequest request, List<String> unticked) implements Refused {
    }

    /** Only the requester, the runner or an approver ticks a deploy's checklist. */
    record MayNotTick(DeployRequest request, List<ApproverRef> approvers) implements Refused {
    }

    record StartFailed(String reason) implements Refused {
    }

    /** A build report that the state table ignores (repeat, out of order). */
    record BuildChangesNothing(DeployRequest request, DeployEvent event) implements Refused {
    }

    record NothingBlocks(DeployRequest request) implements Refused {
    }

    /** The go/no-go message could not be posted, so the request was cancelled. */
    record AnnounceFailed(long id, String channel, String error) implements Refused {
    }

    record BadInput(InputProblem problem) implements Refused {
    }

    record LockNeedsReason(String service, String environment, int max) implements Refused {
    }

    record AlreadyLocked(ManualLock lock) implements Refused {
    }

    /** Another lock or unlock of the same service and environment won the race. */
    record LockRace(String service, String environment, boolean unlocking) implements Refused {
    }

    record NotLocked(String service, String environment) implements Refused {
    }

    record NotLockHolder(ManualLock lock) implements Refused {
    }
}
