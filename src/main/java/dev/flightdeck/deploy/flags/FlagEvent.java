package dev.flightdeck.deploy.flags;

/** What can happen to a flag request; {@link FlagTransitions} says where each leads. */
public enum FlagEvent {
    /** The last approval needed (or, where the environment only announces, the request itself). */
    GO,
    /** The commander of an open incident flips a kill switch without waiting for approval. */
    KILL_SWITCH,
    NO_GO,
    CANCEL,
    EXPIRE,
    /** The provider took the change. */
    APPLIED,
    /** The provider refused or could not be reached after retries; Retry and Cancel are offered. */
    APPLY_FAILED,
    RETRY
}
