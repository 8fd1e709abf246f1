package dev.flightdeck.slack.deploy.flags;

/** Every Slack id of flag requests (DESIGN.md section 15), in one place. Button values carry the request id. */
public final class FlagSlackIds {
    private FlagSlackIds() {
    }

    public static final String GO = "flag_go";
    public static final String NOGO = "flag_nogo";
    public static final String CANCEL = "flag_cancel";
    /** After the provider refused: try the flip again. */
    public static final String RETRY = "flag_retry";
    /** The request message's buttons block: {@code flag_actions:<request id>}. */
    public static final String ACTIONS_BLOCK = "flag_actions";
}
