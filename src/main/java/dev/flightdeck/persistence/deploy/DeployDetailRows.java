package dev.flightdeck.persistence.deploy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** Approvals and check results of deploy requests (check results are written in one batch by JdbcDeployRepository). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeployDetailRows extends GenericRepository<DeployApprovalRow, Long> {

    /** ON CONFLICT DO NOTHING: a duplicate must not abort the caller's PostgreSQL transaction. */
    @Query("""
            INSERT INTO deploy_approval (request_id, approver_id, approved_at) VALUES (:requestId, :approverId, :at)
            ON CONFLICT DO NOTHING""")
    int insertApproval(long requestId, String approverId, Instant at);

    @Query("SELECT * FROM deploy_approval WHERE request_id = :requestId ORDER BY id")
    List<DeployApprovalRow> approvals(long requestId);

    @Query(value = "SELECT * FROM deploy_check WHERE request_id = :requestId ORDER BY ordinal")
    List<DeployCheckRow> checks(long requestId);

    @Query("""
            UPDATE deploy_check SET overridden_by = :by, override_reason = :reason
             WHERE request_id = :requestId AND name = :name AND (blocked = TRUE OR waiting = TRUE)
               AND overridden_by IS NULL""")
    int overrideCheck(long requestId, String name, String by, String reason);
}
