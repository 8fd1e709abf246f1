package dev.flightdeck.deploy;

import java.util.Optional;

/**
 * The one transition table of a deploy request (DESIGN.md section 2):
 * <pre>
 * REQUESTED ──go──▶ APPROVED ──start──▶ TRIGGERING ──▶ RUNNING ──▶ SUCCEEDED | FAILED | ABORTED
 *     │  └─no-go──▶ REJECTED     │  └─cancel──▶ CANCELLED   └──▶ TRIGGER_FAILED ──retry──▶ TRIGGERING
 *     ├─cancel──▶ CANCELLED       └─expire──▶ EXPIRED
 *     └─expire──▶ EXPIRED
 * TRIGGERING, RUNNING ──cancel (an approver, with a reason: the build is stuck)──▶ CANCELLED
 * </pre>
 * Everything not listed is refused. The database applies a transition only if the row is still in the
 * {@code from} state, so two replicas or two clicks cannot both make it.
 */
public final class DeployTransitions {

    private DeployTransitions() {
    }

    public static Optional<DeployState> next(DeployState from, DeployEvent event) {
        DeployState to = null;
        switch (from) {
            case REQUESTED:
                switch (event) {
                    case GO: to = DeployState.APPROVED; break;
                    case NO_GO: to = DeployState.REJECTED; break;
                    case CANCEL: to = DeployState.CANCELLED; break;
                    case EXPIRE: to = DeployState.EXPIRED; break;
                    default: break;
                }
                break;
            case APPROVED:
                switch (event) {
                    case START: to = DeployState.TRIGGERING; break;
                    case CANCEL: to = DeployState.CANCELLED; break;
                    case EXPIRE: to = DeployState.EXPIRED; break;
                    default: break;
                }
                break;
            case TRIGGERING:
                // A fast build may report its end before we saw it start: accept the final states directly.
                to = buildOutcome(event);
                if (event == DeployEvent.TRIGGER_FAILED) {
                    to = DeployState.TRIGGER_FAILED;
                }
                if (event == DeployEvent.CANCEL) {
                    to = DeployState.CANCELLED;
                }
                break;
            case RUNNING:
                to = event == DeployEvent.BUILD_RUNNING ? null : buildOutcome(event);
                if (event == DeployEvent.CANCEL) {
                    // A build nobody hears from any more must not hold the lock; who may do this is StuckBuilds'.
                    to = DeployState.CANCELLED;
                }
                break;
            case TRIGGER_FAILED:
                switch (event) {
                    case RETRY: to = DeployState.TRIGGERING; break;
                    case CANCEL: to = DeployState.CANCELLED; break;
                    default: break;
                }
                break;
            default:
                // SUCCEEDED, FAILED, ABORTED, REJECTED, CANCELLED, EXPIRED are final.
                break;
        }
        return Optional.ofNullable(to);
    }

    public static boolean isFinal(DeployState state) {
        for (DeployEvent event : DeployEvent.values()) {
            if (next(state, event).isPresent()) {
                return false;
            }
        }
        return true;
    }

    private static DeployState buildOutcome(DeployEvent event) {
        switch (event) {
            case BUILD_RUNNING: return DeployState.RUNNING;
            case BUILD_SUCCEEDED: return DeployState.SUCCEEDED;
            case BUILD_FAILED: return DeployState.FAILED;
            case BUILD_ABORTED: return DeployState.ABORTED;
            default: return null;
        }
    }
}
