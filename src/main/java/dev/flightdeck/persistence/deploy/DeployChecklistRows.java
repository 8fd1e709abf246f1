package dev.flightdeck.persistence.deploy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** Checklist items of deploy requests (inserted in one batch with the request by JdbcDeployRepository). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeployChecklistRows extends GenericRepository<DeployChecklistRow, Long> {

    @Query("SELECT * FROM deploy_checklist_item WHERE request_id = :requestId ORDER BY ordinal")
    List<DeployChecklistRow> items(long requestId);

    @Query("""
            UPDATE deploy_checklist_item SET ticked_by = :by, ticked_at = :at
             WHERE request_id = :requestId AND ordinal = :ordinal AND ticked_by IS NULL""")
    int tick(long requestId, int ordinal, String by, Instant at);

    @Query("""
            UPDATE deploy_checklist_item SET ticked_by = NULL, ticked_at = NULL
             WHERE request_id = :requestId AND ordinal = :ordinal AND ticked_by IS NOT NULL""")
    int untick(long requestId, int ordinal);
}
