package dev.flightdeck.deploy;

import dev.flightdeck.audit.AuditType;

/** The audit event types of the deploy flow. Every payload carries {@code request} (the id) where there is one. */
public final class DeployAudit {
    private DeployAudit() {
    }

    public static final AuditType REQUESTED = new AuditType("deploy.requested", 1);
    /** One go by one approver (the state may or may not change with it). */
    public static final AuditType APPROVAL = new AuditType("deploy.approval", 1);
    /** Every transition of the state machine: from, to, event, reason. */
    public static final AuditType STATE_CHANGED = new AuditType("deploy.state_changed", 1);
    public static final AuditType OVERRIDE = new AuditType("deploy.override", 1);
    public static final AuditType NUDGED = new AuditType("deploy.nudged", 1);
    public static final AuditType LOCKED = new AuditType("deploy.locked", 1);
    public static final AuditType UNLOCKED = new AuditType("deploy.unlocked", 1);

    public static final String SCHEDULER = "system:scheduler";
    public static final String POLICY = "system:policy";
}
