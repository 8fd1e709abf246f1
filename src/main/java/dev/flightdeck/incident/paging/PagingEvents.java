package dev.flightdeck.incident.paging;

import dev.flightdeck.audit.AuditType;

/** The audit event types of paging. */
public final class PagingEvents {
    private PagingEvents() {
    }

    public static final AuditType PAGE_REQUESTED = new AuditType("incident.page_requested", 1);
    public static final AuditType PAGED = new AuditType("incident.paged", 1);
    public static final AuditType PAGE_FAILED = new AuditType("incident.page_failed", 1);
    public static final AuditType PAGE_RESOLVED = new AuditType("incident.page_resolved", 1);
}
