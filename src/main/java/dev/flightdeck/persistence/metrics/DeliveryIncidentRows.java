package dev.flightdeck.persistence.metrics;

import dev.flightdeck.persistence.IncidentRow;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** Read-only incident counts for delivery metrics (the time-bounded read is JDBC, in JdbcDeliveryHistory). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeliveryIncidentRows extends GenericRepository<IncidentRow, Long> {

    @Query("SELECT COUNT(*) FROM incident")
    long countAll();

    // Here rather than in the audit repository: only the demo guard needs it.
    @Query("SELECT COUNT(*) FROM audit_event")
    long countAuditEvents();
}
