package dev.flightdeck.slack.deploy;

/** Every Slack id of /deploy (the command, action ids, callback ids, block ids), in one place. Button values carry the deploy request id. */
public final class DeploySlackIds {
    private DeploySlackIds() {
    }

    public static final String DEPLOY_COMMAND = "/deploy";
    // Buttons on the go/no-go message; the value is the deploy request id.
    public static final String DEPLOY_GO = "deploy_go";
    public static final String DEPLOY_NOGO = "deploy_nogo";
    public static final String DEPLOY_START = "deploy_start";
    public static final String DEPLOY_CANCEL = "deploy_cancel";
    public static final String DEPLOY_RETRY = "deploy_retry";
    /** Promote to <ENV>, in a success's thread reply; the value is {@code <deploy id>:<target environment>}. */
    public static final String DEPLOY_PROMOTE = "deploy_promote";
    // The override button, the modals and their inputs.
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
    /** The request modal's checklist input: one item per line. */
    public static final String DEPLOY_FIELD_CHECKLIST = "deploy_checklist_items";
    /**
     * The checklist's checkboxes on the go/no-go message (action id; option values are the items' ordinals). Their
     * block id is {@code deploy_checklist:<request id>:<stamp>}, a new stamp on every redraw: Slack keeps a
     * client's own checkbox state across chat.update when the block id stays the same.
     */
    public static final String DEPLOY_CHECKLIST = "deploy_checklist";
}
