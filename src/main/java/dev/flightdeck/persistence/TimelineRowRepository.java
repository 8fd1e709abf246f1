package dev.flightdeck.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** Timeline rows: added, never changed. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TimelineRowRepository extends GenericRepository<TimelineRow, Long> {

    /**
     * ON CONFLICT DO NOTHING rather than catching the duplicate: a failed INSERT would abort the caller's
     * PostgreSQL transaction. @return 1 if stored, 0 if an entry with the same dedup key exists
     */
    @Query("""
            INSERT INTO incident_timeline (incident_id, occurred_at, author_id, kind, body, dedup_key)
            VALUES (:incidentId, :occurredAt, :authorId, :kind, :body, :dedupKey)
            ON CONFLICT DO NOTHING""")
    int insertIfAbsent(long incidentId, Instant occurredAt, String authorId, String kind, String body,
                       @Nullable String dedupKey);

    @Query("SELECT * FROM incident_timeline WHERE incident_id = :incidentId ORDER BY occurred_at, id")
    List<TimelineRow> findByIncident(long incidentId);
}
