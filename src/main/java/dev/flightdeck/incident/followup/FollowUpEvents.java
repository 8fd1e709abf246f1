package dev.flightdeck.incident.followup;

import dev.flightdeck.audit.AuditType;

/** The audit event types of follow-ups. */
public final class FollowUpEvents {
    private FollowUpEvents() {
    }

    public static final AuditType ADDED = new AuditType("incident.follow_up_added", 1);
    public static final AuditType CLOSED = new AuditType("incident.follow_up_closed", 1);
    public static final AuditType SNOOZED = new AuditType("incident.follow_up_snoozed", 1);
    public static final AuditType REMINDED = new AuditType("incident.follow_up_reminded", 1);
    public static final AuditType EXPORTED = new AuditType("incident.follow_up_exported", 1);
}
