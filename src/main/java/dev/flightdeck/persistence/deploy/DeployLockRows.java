package dev.flightdeck.persistence.deploy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeployLockRows extends GenericRepository<DeployLockRow, Long> {

    /** The unique (service, environment) key makes a second lock a no-op instead of an error. */
    @Query("""
            INSERT INTO deploy_lock (service, environment, locked_by, reason, locked_at)
            VALUES (:service, :environment, :lockedBy, :reason, :lockedAt) ON CONFLICT DO NOTHING""")
    int insertIfAbsent(String service, String environment, String lockedBy, String reason, Instant lockedAt);

    @Query("DELETE FROM deploy_lock WHERE service = :service AND environment = :environment")
    int delete(String service, String environment);

    @Query("SELECT * FROM deploy_lock WHERE service = :service AND environment = :environment")
    Optional<DeployLockRow> find(String service, String environment);

    @Query("SELECT * FROM deploy_lock WHERE service = :service ORDER BY environment")
    List<DeployLockRow> ofService(String service);

    @Query("SELECT * FROM deploy_lock ORDER BY service, environment")
    List<DeployLockRow> all();
}
