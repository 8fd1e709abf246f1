package dev.flightdeck.incident;

/**
 * The Slack steps of a declaration after the channel exists, in the order they run. Each is recorded as done in
 * the database right after it succeeds, so a resumed declaration skips it. (There was a fifth, a separate message
 * asking for a communicator; the card carries that ask now. Its column, {@code incident.communicator_asked_at}, is
 * no longer read or written.)
 */
public enum SetupStep {
    INVITE, PIN, TOPIC, ANNOUNCE
}
