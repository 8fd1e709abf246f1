package dev.flightdeck.persistence.metrics;

import dev.flightdeck.persistence.IncidentRow;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** Read-only, time-bounded incident queries for delivery metrics. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeliveryIncidentRows extends GenericRepository<IncidentRow, Long> {

    @Query("""
            SELECT * FROM incident WHERE (started_at >= :from AND started_at < :to)
               OR (resolved_at >= :from AND resolved_at < :to) ORDER BY started_at, id""")
    List<IncidentRow> between(Instant from, Instant to);

    @Query("SELECT COUNT(*) FROM incident")
    long countAll();

    // Here rather than in the audit repository: only the demo guard needs it.
    @Query("SELECT COUNT(*) FROM audit_event")
    long countAuditEvents();
}
