package dev.flightdeck.slack.incident.access;

/** Every Slack id of break-glass requests (DESIGN section 14). The buttons' value is the request id. */
public final class AccessSlackIds {
    private AccessSlackIds() {
    }

    public static final String GRANT = "access_grant";
    public static final String DENY = "access_deny";
    /** The request message's buttons block: {@code access_actions:<request id>}. */
    public static final String ACTIONS_BLOCK = "access_actions";
}
