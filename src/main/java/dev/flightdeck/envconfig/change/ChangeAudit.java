package dev.flightdeck.envconfig.change;

import dev.flightdeck.audit.AuditType;

/**
 * The audit events of config change requests. Payloads carry ids, names, versions, fingerprints and rule names,
 * never a value (not even a plain one: the audit trail outlives the request, and a plain value today may be
 * declared secret tomorrow).
 */
public final class ChangeAudit {

    public static final AuditType PROPOSED = new AuditType("config_change.proposed", 1);
    public static final AuditType APPROVAL = new AuditType("config_change.approval", 1);
    public static final AuditType STATE_CHANGED = new AuditType("config_change.state_changed", 1);
    public static final AuditType OVERRIDE = new AuditType("config_change.override", 1);
    public static final AuditType NUDGED = new AuditType("config_change.nudged", 1);
    /** The actor of what the scheduler does on its own (expiry, nudges, settling a stranded write). */
    public static final String SCHEDULER = "system:scheduler";
    /** The actor of what the flow undoes on its own (a request that could not be posted or held). */
    public static final String FLOW = "system:config-change";

    private ChangeAudit() {
    }
}
