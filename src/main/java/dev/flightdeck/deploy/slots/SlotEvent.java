package dev.flightdeck.deploy.slots;

/** What can happen to a claim: the rows of {@link SlotTransitions}. */
public enum SlotEvent {
    /** A queued claim gets a free slot. */
    GRANT,
    /** The holder is told the hold ends soon. */
    WARN,
    /** The holder keeps the slot longer (up to max-hold). */
    EXTEND,
    /** The holder (or an approver) frees the slot; a queued claim leaves the queue. */
    RELEASE,
    /** The hold's time ran out. */
    EXPIRE
}
