package dev.flightdeck.slack.edge;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SlackRequestSeenRows extends GenericRepository<SlackRequestSeenRow, String> {

    @Query("INSERT INTO slack_request_seen (signature_hash, expires_at) VALUES (:hash, :expiresAt) ON CONFLICT DO NOTHING")
    int insertIfAbsent(String hash, Instant expiresAt);

    @Query("DELETE FROM slack_request_seen WHERE expires_at < :now")
    int deleteExpired(Instant now);
}
