package dev.flightdeck.deploy.slots;

/** Where a claim on a shared slot stands; {@link SlotTransitions} is the one table of moves between them. */
public enum SlotClaimState {
    /** Waiting for a slot of its pool (or the one slot it named) to free. */
    QUEUED,
    /** Holds its slot until {@code expiresAt}. */
    HELD,
    /** Given back by its holder, or by an approver. */
    RELEASED,
    /** Held until its time ran out. */
    EXPIRED,
    /** Left the queue before it got a slot. */
    WITHDRAWN;

    public boolean active() {
        return this == QUEUED || this == HELD;
    }
}
