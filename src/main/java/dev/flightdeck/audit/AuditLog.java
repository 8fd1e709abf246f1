package dev.flightdeck.audit;

import java.util.List;

/** The append-only store of audit events (port). There is deliberately no way to change or remove one. */
public interface AuditLog {

    /**
     * Stores the event. Idempotent on {@link AuditEvent#eventId()}: if an event with that id is already
     * stored, this does nothing (the first one wins), so retries and replicas can append freely. Safe to
     * call inside a caller's transaction: a duplicate does not abort it.
     *
     * @return true if this call stored it, false if an event with its id was already there
     */
    boolean append(AuditEvent event);

    /** Events matching the query, in the query's order, at most {@link AuditQuery#limit()} of them. */
    List<AuditEvent> find(AuditQuery query);
}
