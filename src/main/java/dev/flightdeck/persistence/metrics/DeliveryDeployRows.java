package dev.flightdeck.persistence.metrics;

import dev.flightdeck.persistence.deploy.DeployRequestRow;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** Read-only, time-bounded deploy queries for delivery metrics (kept apart from the deploy flow's repository). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeliveryDeployRows extends GenericRepository<DeployRequestRow, Long> {

    @Query("""
            SELECT * FROM deploy_request WHERE rollback_of IS NOT NULL AND requested_at >= :from AND requested_at < :to
             ORDER BY requested_at, id""")
    List<DeployRequestRow> rollbacksRequestedBetween(Instant from, Instant to);

    @Query("SELECT COUNT(*) FROM deploy_request")
    long countAll();
}
