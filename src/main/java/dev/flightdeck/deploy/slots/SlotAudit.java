package dev.flightdeck.deploy.slots;

import dev.flightdeck.audit.AuditType;

import java.util.LinkedHashMap;
import java.util.Map;

/** The audit events of shared slots, and their payload. */
final class SlotAudit {
    static final AuditType GRANTED = new AuditType("slot.granted", 1);
    static final AuditType QUEUED = new AuditType("slot.queued", 1);
    static final AuditType RELEASED = new AuditType("slot.released", 1);
    static final AuditType WITHDRAWN = new AuditType("slot.withdrawn", 1);
    static final AuditType EXTENDED = new AuditType("slot.extended", 1);
    static final AuditType WARNED = new AuditType("slot.warned", 1);
    static final AuditType EXPIRED = new AuditType("slot.expired", 1);
    static final String EXPIRY = "system:slot-expiry";

    private SlotAudit() {
    }

    static Map<String, Object> payload(SlotClaim c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("claim", c.id());
        p.put("pool", c.pool());
        if (c.slot() != null) {
            p.put("slot", c.slot());
        }
        if (c.asked() != null) {
            p.put("asked", c.asked());
        }
        p.put("holder", c.userId());
        p.put("state", c.state().name());
        if (c.expiresAt() != null) {
            p.put("expiresAt", c.expiresAt().toString());
        }
        if (c.purpose() != null) {
            p.put("purpose", c.purpose());
        }
        return p;
    }
}
