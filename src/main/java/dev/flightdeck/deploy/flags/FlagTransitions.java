package dev.flightdeck.deploy.flags;

import java.util.Optional;

/**
 * The one transition table of a flag request:
 * <pre>
 * REQUESTED ──go (last approval) / kill switch──▶ APPLYING ──applied──▶ APPLIED
 *    │ ├─no-go──▶ REJECTED                          └──apply failed──▶ FAILED ──retry──▶ APPLYING
 *    │ ├─cancel─▶ CANCELLED                                              ├─cancel──▶ CANCELLED
 *    └─expire──▶ EXPIRED                                                 └─expire──▶ EXPIRED
 * </pre>
 * Everything not listed is refused. The store applies a transition only if the row is still in the {@code from}
 * state, so double clicks, two approvers at once and replicas make one decision and one call to the provider. A
 * request left in APPLYING by a crash is settled by {@link FlagScheduler} from what the provider holds.
 */
public final class FlagTransitions {

    private FlagTransitions() {
    }

    public static Optional<FlagState> next(FlagState from, FlagEvent event) {
        FlagState to = switch (from) {
            case REQUESTED -> switch (event) {
                case GO, KILL_SWITCH -> FlagState.APPLYING;
                case NO_GO -> FlagState.REJECTED;
                case CANCEL -> FlagState.CANCELLED;
                case EXPIRE -> FlagState.EXPIRED;
                default -> null;
            };
            case APPLYING -> switch (event) {
                case APPLIED -> FlagState.APPLIED;
                case APPLY_FAILED -> FlagState.FAILED;
                default -> null;
            };
            case FAILED -> switch (event) {
                case RETRY -> FlagState.APPLYING;
                case CANCEL -> FlagState.CANCELLED;
                case EXPIRE -> FlagState.EXPIRED;
                default -> null;
            };
            case APPLIED, REJECTED, CANCELLED, EXPIRED -> null;
        };
        return Optional.ofNullable(to);
    }

    static boolean isFinal(FlagState state) {
        for (FlagEvent event : FlagEvent.values()) {
            if (next(state, event).isPresent()) {
                return false;
            }
        }
        return true;
    }
}
