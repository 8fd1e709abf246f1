package dev.flightdeck.persistence;

import dev.flightdeck.audit.AuditEvent;
import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.AuditQuery;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;
import jakarta.inject.Singleton;
import jakarta.persistence.criteria.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link AuditLog} on the {@code audit_event} table (H2 or PostgreSQL). */
@Singleton
public class JdbcAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);

    private final AuditEventRepository repository;

    public JdbcAuditLog(AuditEventRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean append(AuditEvent event) {
        int inserted = repository.insertIfAbsent(event.eventId(), event.type(), event.schemaVersion(),
                event.actor(), event.occurredAt(), event.traceId().orElse(null), event.payloadJson());
        if (inserted == 0) {
            LOG.debug("audit event {} ({}) already stored; kept the first", event.eventId(), event.type());
        }
        return inserted > 0;
    }

    @Override
    public List<AuditEvent> find(AuditQuery query) {
        Sort.Order.Direction direction = query.order() == AuditQuery.Order.NEWEST_FIRST
                ? Sort.Order.Direction.DESC : Sort.Order.Direction.ASC;
        // id breaks ties between events stamped with the same microsecond, in append order.
        Sort sort = Sort.of(new Sort.Order("occurredAt", direction, false), new Sort.Order("id", direction, false));
        return repository.findAll(filter(query), Pageable.from(0, query.limit(), sort)).stream()
                .map(JdbcAuditLog::toEvent)
                .toList();
    }

    private static PredicateSpecification<AuditEventRow> filter(AuditQuery query) {
        return (root, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (!query.types().isEmpty()) {
                all.add(root.get("type").in(query.types()));
            }
            query.actor().ifPresent(actor -> all.add(cb.equal(root.get("actor"), actor)));
            query.from().ifPresent(from -> all.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), from)));
            query.until().ifPresent(until -> all.add(cb.lessThan(root.get("occurredAt"), until)));
            return all.isEmpty() ? null : cb.and(all.toArray(Predicate[]::new));
        };
    }

    static AuditEvent toEvent(AuditEventRow row) {
        return new AuditEvent(row.eventId(), row.type(), row.schemaVersion(), row.actor(), row.occurredAt(),
                Optional.ofNullable(row.traceId()), row.payloadJson());
    }
}
