package dev.flightdeck.incident;

import dev.flightdeck.audit.AuditType;

/** The audit event types of incidents. */
public final class IncidentEvents {
    private IncidentEvents() {
    }

    public static final AuditType DECLARED = new AuditType("incident.declared", 1);
    public static final AuditType CHANNEL_CREATED = new AuditType("incident.channel_created", 1);
    public static final AuditType ROLE_ASSIGNED = new AuditType("incident.role_assigned", 1);
    public static final AuditType SEVERITY_CHANGED = new AuditType("incident.severity_changed", 1);
    public static final AuditType UPDATED = new AuditType("incident.updated", 1);
    public static final AuditType NOTE_ADDED = new AuditType("incident.note_added", 1);
    public static final AuditType MESSAGE_PINNED = new AuditType("incident.message_pinned", 1);
    public static final AuditType DEPLOY_RECORDED = new AuditType("incident.deploy_recorded", 1);
    public static final AuditType CONFIG_CHANGE_RECORDED = new AuditType("incident.config_change_recorded", 1);
    public static final AuditType ALERT_RECORDED = new AuditType("incident.alert_recorded", 1);
    public static final AuditType REMINDED = new AuditType("incident.reminded", 1);
    public static final AuditType RESOLVED = new AuditType("incident.resolved", 1);
    public static final AuditType FLAG_RECORDED = new AuditType("incident.flag_recorded", 1);
}
