package dev.flightdeck.deploy.check;

/** What a {@link DeployCheck} found. The texts are shown to people as they are (Slack mrkdwn allowed). */
public sealed interface CheckOutcome {

    String text();

    /** @param text what was checked, e.g. "no alarms firing for commons in prod" */
    record Passed(String text) implements CheckOutcome { }

    /** @param text exactly what blocks and why, e.g. "alarm commons-prod-5xx is in ALARM since 10:02 UTC" */
    record Blocked(String text) implements CheckOutcome { }

    default boolean blocks() {
        return this instanceof Blocked;
    }
}
