package dev.flightdeck.envconfig.change;

/** What can happen to a config change request; {@link ChangeTransitions} says where each leads. */
public enum ChangeEvent {
    /** The last approval needed (a go before that is recorded without moving the request). */
    GO,
    NO_GO,
    CANCEL,
    EXPIRE,
    /** AWS took the write (or the removal). */
    WRITTEN,
    /** The stored version moved since the proposal: nothing was written. */
    VERSION_MOVED,
    /** The write failed after retries; the request waits for Retry or Cancel. */
    WRITE_FAILED,
    RETRY
}
