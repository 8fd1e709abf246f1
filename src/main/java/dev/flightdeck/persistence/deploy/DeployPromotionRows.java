package dev.flightdeck.persistence.deploy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeployPromotionRows extends GenericRepository<DeployPromotionRow, Long> {

    @Query("""
            INSERT INTO deploy_promotion (service, environment, version, claim_token, claimed_by, claimed_at)
            VALUES (:service, :environment, :version, :token, :by, :at) ON CONFLICT DO NOTHING""")
    int insertIfAbsent(String service, String environment, String version, String token, String by, Instant at);

    /** Concurrent takers wait on the row and re-read it: after the first, deploy_id is null and claimed_at new. */
    @Query("""
            UPDATE deploy_promotion SET claim_token = :token, claimed_by = :by, claimed_at = :at, deploy_id = NULL
            WHERE service = :service AND environment = :environment AND version = :version
              AND (deploy_id IS NOT NULL OR claimed_at < :staleBefore)""")
    int takeOver(String service, String environment, String version, String token, String by, Instant at,
                 Instant staleBefore);

    @Query("""
            UPDATE deploy_promotion SET deploy_id = :deployId
            WHERE service = :service AND environment = :environment AND version = :version AND claim_token = :token""")
    int opened(String service, String environment, String version, String token, long deployId);

    @Query("""
            DELETE FROM deploy_promotion
            WHERE service = :service AND environment = :environment AND version = :version AND claim_token = :token""")
    int release(String service, String environment, String version, String token);

    @Query("SELECT * FROM deploy_promotion WHERE service = :service AND environment = :environment AND version = :version")
    Optional<DeployPromotionRow> find(String service, String environment, String version);
}
