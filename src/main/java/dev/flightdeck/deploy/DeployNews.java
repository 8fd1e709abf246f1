package dev.flightdeck.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the deploy's thread (and for builds, its channel) is told, as data; the chat adapter words it. */
public sealed interface DeployNews {

    record PartialGo(String approverId, int have) implements DeployNews {
    }

    /**
     * Enough approvals: the runner may start (or, with auto-start, the build starts now). {@code heldBy} names the
     * checks still holding the start (CI running); the build waits for them, however it is started.
     */
    record GoAhead(String approverId, boolean autoStart, List<String> heldBy) implements DeployNews {
        public GoAhead {
            heldBy = List.copyOf(heldBy);
        }

        public GoAhead(String approverId, boolean autoStart) {
            this(approverId, autoStart, List.of());
        }
    }

    /** No approval needed in this environment and nothing blocks; {@code heldBy} as for {@link GoAhead}. */
    record AnnounceOnlyGo(boolean autoStart, List<String> heldBy) implements DeployNews {
        public AnnounceOnlyGo {
            heldBy = List.copyOf(heldBy);
        }

        public AnnounceOnlyGo(boolean autoStart) {
            this(autoStart, List.of());
        }
    }

    /**
     * Approved (by {@code approverId}, or by the policy when empty: announce only) where the build starts by itself,
     * but the checklist has {@code unticked} items: it starts when the last one is ticked.
     */
    record WaitsForChecklist(Optional<String> approverId, List<String> unticked) implements DeployNews {
    }

    record NoGo(String approverId, String reason) implements DeployNews {
    }

    record Cancelled(String userId) implements DeployNews {
    }

    /** An approver cancelled a deploy whose build was {@code was}; Flightdeck stops following that build. */
    record StuckCancelled(String approverId, DeployState was, String reason) implements DeployNews {
    }

    record Overridden(String userId, List<CheckResult> blocking, String reason) implements DeployNews {
    }

    /** The build could not be started; Retry starts it again. {@code lost}: the trigger itself was lost. */
    record TriggerFailed(String reason, boolean lost) implements DeployNews {
    }

    record BuildLost(Duration silent, String reason) implements DeployNews {
    }

    record TriggerFound(String label, String url) implements DeployNews {
    }

    /** {@code undecided}: it expired waiting for a go/no-go, else waiting for its start. */
    record Expired(Duration after, boolean undecided) implements DeployNews {
    }

    record ApproversNudged(List<ApproverRef> approvers, Duration waited) implements DeployNews {
    }

    record RunnerNudged(Duration waited) implements DeployNews {
    }

    /** A build's start or result; {@code who} is a user id, {@code label} the job and build number. */
    record Build(BuildPhase status, String label, String who, String url) implements DeployNews {
    }

    /** {@code userId} clicked Promote in this deploy's thread and opened {@code opened}, the same version elsewhere. */
    record Promoted(String userId, DeployRequest opened, boolean posted, List<CheckResult> blocking) implements DeployNews {
    }

    /** Why the build failed: its failing step and the end of its log, masked (after the FAILED news). */
    record BuildExplained(BuildFailure failure) implements DeployNews {
    }

    /**
     * A check that had not settled (CI running, GitHub unreadable) now has: {@code blocked} or passed, as {@code text}
     * says; {@code startsNow} when the request only waited for it and its build starts now (auto-start).
     */
    record CheckSettled(String check, boolean blocked, String text, boolean startsNow) implements DeployNews {
    }

    record PostRelease(Verdict verdict, String detail, Duration watched) implements DeployNews {
        public enum Verdict { SKIPPED, FAILED, PASSED }
    }
}
