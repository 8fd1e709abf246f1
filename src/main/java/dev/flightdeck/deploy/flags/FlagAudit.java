package dev.flightdeck.deploy.flags;

import dev.flightdeck.audit.AuditType;

/** The audit events of flag requests. */
public final class FlagAudit {

    public static final AuditType REQUESTED = new AuditType("flag_request.requested", 1);
    public static final AuditType APPROVAL = new AuditType("flag_request.approval", 1);
    public static final AuditType STATE_CHANGED = new AuditType("flag_request.state_changed", 1);
    public static final AuditType NUDGED = new AuditType("flag_request.nudged", 1);
    /** The actor of what the scheduler does on its own. */
    public static final String SCHEDULER = "system:scheduler";
    /** The actor of what the flow does on its own (the provider's answer, a request that could not be posted). */
    public static final String FLOW = "system:flag-request";

    private FlagAudit() {
    }
}
