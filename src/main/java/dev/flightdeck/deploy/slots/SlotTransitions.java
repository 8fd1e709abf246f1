package dev.flightdeck.deploy.slots;

import java.time.Instant;
import java.util.Optional;

import static dev.flightdeck.deploy.slots.SlotClaimState.EXPIRED;
import static dev.flightdeck.deploy.slots.SlotClaimState.HELD;
import static dev.flightdeck.deploy.slots.SlotClaimState.QUEUED;
import static dev.flightdeck.deploy.slots.SlotClaimState.RELEASED;
import static dev.flightdeck.deploy.slots.SlotClaimState.WITHDRAWN;

/**
 * The one transition table of slot claims, and beside it what entering each state does to the claim:
 * <pre>
 * QUEUED ──grant──▶ HELD ──warn / extend──▶ HELD
 *   └─release──▶ WITHDRAWN   ├─release──▶ RELEASED
 *                            └─expire───▶ EXPIRED
 * </pre>
 * The store writes each move as a compare-and-set on the claim's version, with a unique key on the slot's active
 * holder, so two replicas or two clicks make one move.
 */
public final class SlotTransitions {

    private SlotTransitions() {
    }

    /** The state {@code event} moves a claim in {@code from} to; empty when the event does not apply. */
    public static Optional<SlotClaimState> next(SlotClaimState from, SlotEvent event) {
        return Optional.ofNullable(switch (from) {
            case QUEUED -> switch (event) {
                case GRANT -> HELD;
                case RELEASE -> WITHDRAWN;
                default -> null;
            };
            case HELD -> switch (event) {
                case WARN, EXTEND -> HELD;
                case RELEASE -> RELEASED;
                case EXPIRE -> EXPIRED;
                default -> null;
            };
            case RELEASED, EXPIRED, WITHDRAWN -> null;
        });
    }

    /** Entering HELD from the queue: the slot, from now, for the claim's hold. */
    public static Optional<SlotClaim> grant(SlotClaim c, String slot, Instant now) {
        return next(c.state(), SlotEvent.GRANT).map(s -> new SlotClaim(c.id(), c.version(), c.pool(), slot, c.asked(),
                c.userId(), c.purpose(), c.hold(), s, c.queuedAt(), now, now.plus(c.hold()), false, null, null));
    }

    /** The warning before expiry was sent. */
    public static Optional<SlotClaim> warn(SlotClaim c) {
        return next(c.state(), SlotEvent.WARN).map(s -> c.with(s, c.expiresAt(), true, null, null));
    }

    /** Held until {@code until}; the warning is due again before the new end. */
    public static Optional<SlotClaim> extend(SlotClaim c, Instant until) {
        return next(c.state(), SlotEvent.EXTEND).map(s -> c.with(s, until, false, null, null));
    }

    /** Released, expired or withdrawn: over, at {@code now}, by {@code by}. */
    public static Optional<SlotClaim> end(SlotClaim c, SlotEvent event, Instant now, String by) {
        return next(c.state(), event).filter(s -> !s.active()).map(s -> c.with(s, c.expiresAt(), c.warned(), now, by));
    }
}
