package dev.flightdeck.aws.events;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AwsEventSeenRows extends GenericRepository<AwsEventSeenRow, String> {

    @Query("INSERT INTO aws_event_seen (id, seen_at) VALUES (:id, :seenAt) ON CONFLICT DO NOTHING")
    int insertIfAbsent(String id, Instant seenAt);

    @Query("DELETE FROM aws_event_seen WHERE seen_at < :before")
    int deleteSeenBefore(Instant before);

    @Query("DELETE FROM aws_event_seen WHERE id = :id")
    int forget(String id);
}
