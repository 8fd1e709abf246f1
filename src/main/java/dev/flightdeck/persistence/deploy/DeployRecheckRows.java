package dev.flightdeck.persistence.deploy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The check results that run again (gate ci), claimed and settled by conditional updates of {@code recheck_at}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeployRecheckRows extends GenericRepository<DeployCheckRow, Long> {

    @Query("""
            SELECT c.* FROM deploy_check c JOIN deploy_request r ON r.id = c.request_id
             WHERE c.recheck_at <= :now AND c.overridden_by IS NULL AND r.state IN (:pending)
             ORDER BY c.recheck_at, c.id LIMIT :limit""")
    List<DeployCheckRow> due(Instant now, Collection<String> pending, int limit);

    @Query("""
            SELECT c.* FROM deploy_check c JOIN deploy_request r ON r.id = c.request_id
             WHERE c.waits_on = :subject AND c.recheck_at IS NOT NULL AND c.overridden_by IS NULL
               AND r.state IN (:pending)
             ORDER BY c.id LIMIT :limit""")
    List<DeployCheckRow> waitingOn(String subject, Collection<String> pending, int limit);

    @Query("""
            UPDATE deploy_check SET recheck_at = :leaseUntil
             WHERE request_id = :requestId AND name = :name AND recheck_at = :read AND overridden_by IS NULL""")
    int claim(long requestId, String name, Instant read, Instant leaseUntil);

    @Query("""
            UPDATE deploy_check SET blocked = :blocked, waiting = :waiting, check_text = :text, recheck_at = :next,
                   waits_on = :waitsOn
             WHERE request_id = :requestId AND name = :name AND recheck_at = :leaseUntil AND overridden_by IS NULL""")
    int settle(long requestId, String name, Instant leaseUntil, boolean blocked, boolean waiting, String text,
               @Nullable Instant next, @Nullable String waitsOn);
}
