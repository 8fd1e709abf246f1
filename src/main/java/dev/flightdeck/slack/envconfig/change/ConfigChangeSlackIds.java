package dev.flightdeck.slack.envconfig.change;

/** Every Slack id of config changes (DESIGN.md section 12), in one place. Button values carry the change id. */
public final class ConfigChangeSlackIds {
    private ConfigChangeSlackIds() {
    }

    /** The value form opened by {@code /deploy config set}. */
    public static final String CHANGE_MODAL = "config_change";
    /** Block id and action id of its one input. */
    public static final String VALUE = "value";
    // Buttons on the request message; the value is the change id.
    public static final String GO = "config_go";
    public static final String NOGO = "config_nogo";
    public static final String CANCEL = "config_cancel";
    public static final String OVERRIDE = "config_override";
    public static final String RETRY = "config_retry";
    /** The request message's buttons block: {@code config_actions:<change id>}. */
    public static final String ACTIONS_BLOCK = "config_actions";
    /** The override reason form, and its input's block id and action id. */
    public static final String OVERRIDE_MODAL = "config_override";
    public static final String REASON = "config_reason";
}
