package dev.flightdeck.deploy.check;

/** What a {@link DeployCheck} found. The texts are shown to people as they are (Slack mrkdwn allowed). */
public sealed interface CheckOutcome {

    String text();

    /** @param text what was checked, e.g. "no alarms firing for commons in prod" */
    record Passed(String text) implements CheckOutcome { }

    /** @param text exactly what blocks and why, e.g. "alarm commons-prod-5xx is in ALARM since 10:02 UTC" */
    record Blocked(String text) implements CheckOutcome { }

    /**
     * Not decided yet (CI still running): the request may get its goes, but its build cannot start; the check runs
     * again every minute (and when news of {@code subject} arrives) until it passes or blocks.
     *
     * @param subject what the answer waits on, e.g. the commit sha whose CI is running; null when nothing names it
     */
    record Waiting(String text, String subject) implements CheckOutcome { }

    /** Blocks because the check could not read what it needs (GitHub down); it runs again every minute. */
    record Unreadable(String text) implements CheckOutcome { }

    default boolean blocks() {
        return this instanceof Blocked || this instanceof Unreadable;
    }

    /** Whether the check runs again by itself until it settles. */
    default boolean rechecked() {
        return this instanceof Waiting || this instanceof Unreadable;
    }
}
