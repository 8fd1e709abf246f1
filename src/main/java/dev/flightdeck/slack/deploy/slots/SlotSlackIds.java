package dev.flightdeck.slack.deploy.slots;

/** The Slack ids of shared slots: the buttons of the warning before a hold ends (value: the claim id). */
public final class SlotSlackIds {
    private SlotSlackIds() {
    }

    public static final String SLOT_EXTEND = "slot_extend";
    public static final String SLOT_RELEASE = "slot_release";
    /** Block id of the buttons: {@code slot_actions:<claim id>}. */
    public static final String SLOT_ACTIONS_BLOCK = "slot_actions";
}
