package dev.flightdeck.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An {@link AuditLog} in memory for domain tests; passes the same {@link AuditLogContract} as the database
 * adapter, so a test green on it behaves the same on H2 and PostgreSQL.
 */
public final class InMemoryAuditLog implements AuditLog {

    private final Map<UUID, AuditEvent> events = new LinkedHashMap<>();

    @Override
    public synchronized boolean append(AuditEvent event) {
        return events.putIfAbsent(event.eventId(), event) == null;
    }

    @Override
    public synchronized List<AuditEvent> find(AuditQuery query) {
        // LinkedHashMap keeps append order; a stable sort keeps it among events at the same instant.
        List<AuditEvent> matching = new ArrayList<>(events.values().stream().filter(query::matches).toList());
        matching.sort(Comparator.comparing(AuditEvent::occurredAt));
        if (query.order() == AuditQuery.Order.NEWEST_FIRST) {
            Collections.reverse(matching);
        }
        return List.copyOf(matching.subList(0, Math.min(query.limit(), matching.size())));
    }

    /** Everything appended, in append order. */
    public synchronized List<AuditEvent> all() {
        return List.copyOf(events.values());
    }
}
