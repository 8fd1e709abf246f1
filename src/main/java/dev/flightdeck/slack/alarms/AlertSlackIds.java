package dev.flightdeck.slack.alarms;

/**
 * Every Slack id of alarm episode messages (DESIGN section 13), in one place. The Declare and Acknowledge buttons'
 * value is the episode id; the Runbook button is a link and only acked.
 */
public final class AlertSlackIds {
    private AlertSlackIds() {
    }

    /** Opens the incident declare form pre-filled from the alarm. */
    public static final String DECLARE = "alert_declare";
    /** Says who is on it: shown in the message, and the episode stops nudging. */
    public static final String ACK = "alert_ack";
    /** A link button: Slack opens the runbook and still sends the click, which is acked and nothing else. */
    public static final String RUNBOOK = "alert_runbook";
    /** The message's buttons block: {@code alert_actions:<episode id>}. */
    public static final String ACTIONS_BLOCK = "alert_actions";
    /** The declare form's private_metadata origin for an incident declared from an episode: {@code alert:<id>}. */
    public static final String ORIGIN = "alert:";
}
