package dev.flightdeck.slack;

/** Every Slack id Flightdeck uses (commands, action ids, callback ids), in one place. */
public final class Ids {
    private Ids() {
    }

    public static final String DEPLOY_COMMAND = "/deploy";
    public static final String INCIDENT_COMMAND = "/incident";

    // Buttons on the go/no-go message; the value is the deploy request id (DESIGN.md section 2).
    public static final String DEPLOY_GO = "deploy_go";
    public static final String DEPLOY_NOGO = "deploy_nogo";
    public static final String DEPLOY_START = "deploy_start";
    public static final String DEPLOY_CANCEL = "deploy_cancel";
    public static final String DEPLOY_RETRY = "deploy_retry";

    // ---- Incidents (DESIGN.md section 5). Button values and modal private_metadata carry the incident id (INC-12).
    // Deploy flow (issue #3): the override button, the modals and their inputs.
    public static final String DEPLOY_OVERRIDE = "deploy_override";
    public static final String DEPLOY_ACTIONS_BLOCK = "deploy_actions";
    public static final String DEPLOY_REQUEST_MODAL = "deploy_request_modal";
    public static final String DEPLOY_NOGO_MODAL = "deploy_nogo_modal";
    public static final String DEPLOY_OVERRIDE_MODAL = "deploy_override_modal";
    /** Block id and action id of the reason input in the no-go and override modals. */
    public static final String DEPLOY_REASON = "deploy_reason";
    /** Block ids (= action ids) of the request modal's inputs. */
    public static final String DEPLOY_FIELD_SERVICE = "deploy_service";
    public static final String DEPLOY_FIELD_VERSION = "deploy_version";
    public static final String DEPLOY_FIELD_ENV = "deploy_env";
    public static final String DEPLOY_FIELD_RUNNER = "deploy_runner";
    public static final String DEPLOY_FIELD_NOTE = "deploy_note";

    public static final String INCIDENT_CLAIM_COMMUNICATOR = "incident_claim_communicator";
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
}
