package dev.flightdeck.deploy;

/** What can happen to a deploy request; {@link DeployTransitions} says in which state each is allowed. */
public enum DeployEvent {
    /** Enough approvals (or none needed). */
    GO,
    NO_GO,
    START,
    /** The backend accepted the trigger and reports the build running. */
    BUILD_RUNNING,
    BUILD_SUCCEEDED,
    BUILD_FAILED,
    BUILD_ABORTED,
    TRIGGER_FAILED,
    /** Try the trigger again after TRIGGER_FAILED. */
    RETRY,
    CANCEL,
    EXPIRE
}
