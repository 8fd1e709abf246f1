package dev.flightdeck.slack.incident.followup;

/** The Slack ids of follow-ups (DESIGN section 14). Button values carry the follow-up's number. */
public final class FollowUpSlackIds {
    private FollowUpSlackIds() {
    }

    /** The "Make follow-up" message shortcut (manifest.yml, features.shortcuts). */
    public static final String SHORTCUT = "incident_follow_up";
    public static final String DONE = "follow_up_done";
    public static final String SNOOZE = "follow_up_snooze";
    public static final String DM_ACTIONS = "follow_up_actions";
}
