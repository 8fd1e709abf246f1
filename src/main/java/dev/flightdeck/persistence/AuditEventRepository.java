package dev.flightdeck.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Audit rows: insert and read only. Extends {@link GenericRepository} (not CrudRepository) so no update or
 * delete method exists; the database refuses them too (see db/postgresql and db/h2). Keep it that way:
 * {@code AuditEventRepositoryShapeTest} fails if a mutating method appears.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AuditEventRepository extends GenericRepository<AuditEventRow, Long> {

    /**
     * Inserts unless an event with this id exists. ON CONFLICT DO NOTHING (PostgreSQL, and H2 in PostgreSQL
     * mode) rather than catch-the-duplicate: a failed INSERT would abort the caller's PostgreSQL transaction.
     *
     * @return 1 if stored, 0 if it was already there
     */
    @Query("""
            INSERT INTO audit_event (event_id, type, schema_version, actor, occurred_at, trace_id, payload)
            VALUES (:eventId, :type, :schemaVersion, :actor, :occurredAt, :traceId, :payload)
            ON CONFLICT DO NOTHING""")
    int insertIfAbsent(UUID eventId, String type, int schemaVersion, String actor, Instant occurredAt,
                       @Nullable String traceId, String payload);

    Optional<AuditEventRow> findByEventId(UUID eventId);

    List<AuditEventRow> findAll(@Nullable PredicateSpecification<AuditEventRow> spec, Pageable pageable);
}
