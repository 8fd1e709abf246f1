package dev.flightdeck.slack.incident;

/** Every Slack id of /incident, in one place. Button values and modal private_metadata carry the incident id (INC-12). */
public final class IncidentSlackIds {
    private IncidentSlackIds() {
    }

    public static final String INCIDENT_COMMAND = "/incident";
    /** The card's "I'll communicate" button (while nobody holds the role): the clicker becomes communicator. */
    public static final String INCIDENT_CLAIM_COMMUNICATOR = "incident_claim_communicator";
    /** The card's people picker next to it: the person picked becomes communicator. */
    public static final String INCIDENT_NAME_COMMUNICATOR = "incident_name_communicator";
    /** The "Post update" button on the card and in the reminder DM: opens the update modal. */
    public static final String INCIDENT_OPEN_UPDATE = "incident_open_update";
    public static final String INCIDENT_DECLARE_MODAL = "incident_declare_modal";
    public static final String INCIDENT_UPDATE_MODAL = "incident_update_modal";
    public static final String INCIDENT_RESOLVE_MODAL = "incident_resolve_modal";
    /** Input blocks of the incident modals; each block holds one element whose action id is the same string. */
    public static final String INCIDENT_INPUT_TITLE = "incident_title";
    public static final String INCIDENT_INPUT_SEVERITY = "incident_severity";
    public static final String INCIDENT_INPUT_STATUS = "incident_status";
    public static final String INCIDENT_INPUT_TEXT = "incident_text";
    public static final String INCIDENT_INPUT_SUMMARY = "incident_summary";
    public static final String INCIDENT_INPUT_AFFECTED = "incident_affected";
    public static final String INCIDENT_INPUT_WHAT_HAPPENED = "incident_what_happened";
    public static final String INCIDENT_INPUT_PREVENTION = "incident_prevention";
    /** The update form's "Also publish on the status page" box (checkboxes; its one option's value is below). */
    public static final String INCIDENT_INPUT_PUBLISH = "incident_publish";
    /** The resolve form's "Publish the summary on the status page" box. */
    public static final String INCIDENT_INPUT_PUBLISH_SUMMARY = "incident_publish_summary";
    public static final String PUBLISH_OPTION = "publish";
}
