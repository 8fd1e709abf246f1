package dev.flightdeck.persistence.deploy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PostReleaseRows extends GenericRepository<PostReleaseRow, Long> {

    @Query("""
            INSERT INTO post_release_check (deploy_id, started_at, ends_at, next_at, probes, outcome)
            VALUES (:deployId, :startedAt, :endsAt, :nextAt, 0, NULL) ON CONFLICT DO NOTHING""")
    int insertIfAbsent(long deployId, Instant startedAt, Instant endsAt, Instant nextAt);

    @Query("SELECT * FROM post_release_check WHERE outcome IS NULL AND next_at <= :now ORDER BY next_at LIMIT :limit")
    List<PostReleaseRow> due(Instant now, int limit);

    @Query("""
            UPDATE post_release_check SET next_at = :next, probes = probes + 1
            WHERE deploy_id = :deployId AND next_at = :seen AND outcome IS NULL""")
    int claim(long deployId, Instant seen, Instant next);

    @Query("UPDATE post_release_check SET outcome = :outcome WHERE deploy_id = :deployId AND outcome IS NULL")
    int finish(long deployId, String outcome);
}
