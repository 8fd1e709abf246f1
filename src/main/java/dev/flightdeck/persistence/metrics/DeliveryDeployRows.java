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

    /**
     * Unordered (the caller sorts): the rollback_of range (every id: ids start at 1) and no ORDER BY let H2 read the
     * index on (rollback_of, requested_at), only the rollbacks; given {@code IS NOT NULL}, or an order the requested_at
     * index gives, it read every deploy requested in the period (a year of twenty teams' at 100x: issue 20, growth).
     */
    @Query("""
            SELECT * FROM deploy_request WHERE rollback_of BETWEEN 1 AND 9223372036854775807
               AND requested_at >= :from AND requested_at < :to""")
    List<DeployRequestRow> rollbacksRequestedBetween(Instant from, Instant to);

    @Query("SELECT COUNT(*) FROM deploy_request")
    long countAll();
}
