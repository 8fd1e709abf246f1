package dev.flightdeck.incident.paging;

/**
 * Where one page (an incident's alert to one on-call target) is; its moves are {@link PageTransitions}'s. A page is
 * owed to the pager while it is pending (the sender's waker sends it), and finished once RESOLVED, FAILED or
 * CANCELLED.
 */
public enum PageState {
    /** The trigger is owed: sent by the next pass that claims it (again after a failure, with backoff). */
    TRIGGER_PENDING,
    /** The pager took the trigger; open until the incident resolves. */
    TRIGGERED,
    /** The incident resolved: the resolve is owed to the pager. */
    RESOLVE_PENDING,
    RESOLVED,
    /** The pager refused it for good (a bad key, no permission): said in the channel; a new /incident page re-arms it. */
    FAILED,
    /** The incident resolved before any trigger was tried: nothing was sent, nothing to resolve. */
    CANCELLED;

    public boolean finished() {
        return this == RESOLVED || this == FAILED || this == CANCELLED;
    }

    /** Whether the sender owes the pager something in this state. */
    public boolean owed() {
        return this == TRIGGER_PENDING || this == RESOLVE_PENDING;
    }
}
