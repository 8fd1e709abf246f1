package dev.flightdeck.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one transition table of a deploy request, and what entering each state does:
 * <pre>
 * REQUESTED ──go──▶ APPROVED ──start──▶ TRIGGERING ──▶ RUNNING ──▶ SUCCEEDED | FAILED | ABORTED
 *     │  └─no-go──▶ REJECTED     │  └─cancel──▶ CANCELLED   └──▶ TRIGGER_FAILED ──retry──▶ TRIGGERING
 *     ├─cancel──▶ CANCELLED       └─expire──▶ EXPIRED
 *     └─expire──▶ EXPIRED
 * TRIGGERING, RUNNING ──cancel (an approver, with a reason: the build is stuck)──▶ CANCELLED
 * </pre>
 * Everything not listed is refused. The database applies a transition only if the row is still in the
 * {@code from} state, so two replicas or two clicks cannot both make it. The questions callers ask of a state
 * ({@link DeployState#awaitsDecision()}, {@link DeployState#isBuilding()}, {@link DeployState#isFinal()}) are
 * answered from this table, so a new edge changes them here and nowhere else.
 */
public final class DeployTransitions {

    private DeployTransitions() {
    }

    public static Optional<DeployState> next(DeployState from, DeployEvent event) {
        DeployState to = switch (from) {
            case REQUESTED -> switch (event) {
                case GO -> DeployState.APPROVED;
                case NO_GO -> DeployState.REJECTED;
                case CANCEL -> DeployState.CANCELLED;
                case EXPIRE -> DeployState.EXPIRED;
                default -> null;
            };
            case APPROVED -> switch (event) {
                case START -> DeployState.TRIGGERING;
                case CANCEL -> DeployState.CANCELLED;
                case EXPIRE -> DeployState.EXPIRED;
                default -> null;
            };
            // A fast build may report its end before we saw it start: accept the final states directly.
            case TRIGGERING -> switch (event) {
                case TRIGGER_FAILED -> DeployState.TRIGGER_FAILED;
                case CANCEL -> DeployState.CANCELLED;
                default -> buildOutcome(event);
            };
            // A build nobody hears from any more must not hold the lock: CANCEL (who may do it is StuckBuilds').
            case RUNNING -> event == DeployEvent.CANCEL ? DeployState.CANCELLED
                    : event == DeployEvent.BUILD_RUNNING ? null : buildOutcome(event);
            case TRIGGER_FAILED -> switch (event) {
                case RETRY -> DeployState.TRIGGERING;
                case CANCEL -> DeployState.CANCELLED;
                default -> null;
            };
            case SUCCEEDED, FAILED, ABORTED, REJECTED, CANCELLED, EXPIRED -> null;
        };
        return Optional.ofNullable(to);
    }

    private static DeployState buildOutcome(DeployEvent event) {
        return switch (event) {
            case BUILD_RUNNING -> DeployState.RUNNING;
            case BUILD_SUCCEEDED -> DeployState.SUCCEEDED;
            case BUILD_FAILED -> DeployState.FAILED;
            case BUILD_ABORTED -> DeployState.ABORTED;
            default -> null;
        };
    }

    /** The environment's timer settings that entering a state schedules from. */
    public record Timers(Duration nudgeAfter, Duration runnerNudgeAfter, Duration expireAfter) {
        public static Timers of(EnvironmentConfig env) {
            return new Timers(env.nudgeAfter(), env.runnerNudgeAfter(), env.expireAfter());
        }
    }

    /** The row's timestamps and timers right after entering a state (the nudge count starts again at zero). */
    public record Entry(Instant startedAt, Instant finishedAt, Instant nextNudgeAt, Instant expiresAt) {
    }

    /**
     * What entering {@code to} at {@code at} does, besides the state itself. Every state not waiting for people
     * cancels the nudge and expiry timers. {@code timers} may be null when the state entered schedules none.
     */
    public static Entry entering(DeployRequest before, DeployState to, Instant at, Timers timers) {
        if (timers == null && DeployState.PENDING.contains(to)) {
            throw new IllegalStateException("environment " + before.environment() + " of deploy #" + before.id()
                    + " is no longer in the team config");
        }
        return switch (to) {
            // No edge leads here: a request starts in REQUESTED, stored by RequestDeploy with the approvers'
            // nudge (unless announce-only) and its expiry.
            case REQUESTED -> throw new IllegalArgumentException("no transition enters REQUESTED");
            // The runner is nudged even with auto-start: if the start never happens (a crash between go and
            // start), they hear of it; unstarted, the request expires.
            case APPROVED -> new Entry(before.startedAt(), before.finishedAt(), at.plus(timers.runnerNudgeAfter()),
                    at.plus(timers.expireAfter()));
            // The first trigger starts the clock; a retry keeps the first start.
            case TRIGGERING -> new Entry(before.startedAt() == null ? at : before.startedAt(), before.finishedAt(),
                    null, null);
            case RUNNING, TRIGGER_FAILED -> new Entry(before.startedAt(), before.finishedAt(), null, null);
            case SUCCEEDED, FAILED, ABORTED, REJECTED, CANCELLED, EXPIRED -> new Entry(before.startedAt(), at, null, null);
        };
    }

    /** How often the nudge timer of a waiting state repeats: approvers while undecided, the runner once approved. */
    public static Duration nudgeEvery(DeployState state, Timers timers) {
        return state.awaitsDecision() ? timers.nudgeAfter() : timers.runnerNudgeAfter();
    }

    static boolean isFinal(DeployState state) {
        for (DeployEvent event : DeployEvent.values()) {
            if (next(state, event).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /** Go, no-go and check overrides apply only where a go would move the request. */
    static boolean awaitsDecision(DeployState state) {
        return next(state, DeployEvent.GO).isPresent();
    }

    /** A build was asked for and has not ended: the states that accept a build's outcome. */
    static boolean isBuilding(DeployState state) {
        return next(state, DeployEvent.BUILD_SUCCEEDED).isPresent();
    }
}
