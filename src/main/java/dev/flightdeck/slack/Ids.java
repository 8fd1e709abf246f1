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

    public static final String INCIDENT_CLAIM_COMMUNICATOR = "incident_claim_communicator";
}
