package dev.flightdeck.incident;

/**
 * The Slack steps of a declaration after the channel exists, in the order they run. Each is recorded as done in
 * the database right after it succeeds, so a resumed declaration skips it.
 */
public enum SetupStep {
    INVITE, PIN, TOPIC, ANNOUNCE, ASK_COMMUNICATOR
}
