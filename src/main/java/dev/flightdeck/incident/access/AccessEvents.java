package dev.flightdeck.incident.access;

import dev.flightdeck.audit.AuditType;

/** The audit trail's break-glass events. */
public final class AccessEvents {
    private AccessEvents() {
    }

    public static final AuditType REQUESTED = new AuditType("incident.access.requested", 1);
    public static final AuditType GRANT_APPROVED = new AuditType("incident.access.approved", 1);
    public static final AuditType DENIED = new AuditType("incident.access.denied", 1);
    public static final AuditType GRANTED = new AuditType("incident.access.granted", 1);
    public static final AuditType REVOKED = new AuditType("incident.access.revoked", 1);
    public static final AuditType FAILED = new AuditType("incident.access.failed", 1);
    public static final AuditType LAPSED = new AuditType("incident.access.lapsed", 1);
}
