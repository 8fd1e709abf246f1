package dev.flightdeck.envconfig.change;

import java.util.Optional;

/**
 * The one transition table of a config change request:
 * <pre>
 * PROPOSED ──go (last approval)──▶ APPLYING ──written──▶ APPLIED
 *    │ ├─no-go──▶ REJECTED             ├──version moved──▶ CONFLICTED
 *    │ ├─cancel─▶ CANCELLED            └──write failed──▶ FAILED ──retry──▶ APPLYING
 *    └─expire──▶ EXPIRED                                    ├─cancel──▶ CANCELLED
 *                                                           └─expire──▶ EXPIRED
 * </pre>
 * Everything not listed is refused. The store applies a transition only if the row is still in the {@code from}
 * state, so two clicks or two replicas make one decision. A request left in APPLYING by a crash is settled by the
 * scheduler from what AWS holds (written, moved, or failed), so no request stays in a non-final state for good.
 */
public final class ChangeTransitions {

    private ChangeTransitions() {
    }

    public static Optional<ChangeState> next(ChangeState from, ChangeEvent event) {
        ChangeState to = switch (from) {
            case PROPOSED -> switch (event) {
                case GO -> ChangeState.APPLYING;
                case NO_GO -> ChangeState.REJECTED;
                case CANCEL -> ChangeState.CANCELLED;
                case EXPIRE -> ChangeState.EXPIRED;
                default -> null;
            };
            case APPLYING -> switch (event) {
                case WRITTEN -> ChangeState.APPLIED;
                case VERSION_MOVED -> ChangeState.CONFLICTED;
                case WRITE_FAILED -> ChangeState.FAILED;
                default -> null;
            };
            case FAILED -> switch (event) {
                case RETRY -> ChangeState.APPLYING;
                case CANCEL -> ChangeState.CANCELLED;
                case EXPIRE -> ChangeState.EXPIRED;
                default -> null;
            };
            case APPLIED, CONFLICTED, REJECTED, CANCELLED, EXPIRED -> null;
        };
        return Optional.ofNullable(to);
    }

    static boolean isFinal(ChangeState state) {
        for (ChangeEvent event : ChangeEvent.values()) {
            if (next(state, event).isPresent()) {
                return false;
            }
        }
        return true;
    }
}
