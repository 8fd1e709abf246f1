package dev.flightdeck.web.signin;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface WebSignedOutRows extends GenericRepository<WebSignedOutRow, String> {

    // Only ever moves forward: two replicas recording sign-outs of one user keep the later one.
    @Query("UPDATE web_signed_out SET signed_out_at = :at WHERE subject = :subject AND signed_out_at < :at")
    int moveForward(String subject, Instant at);

    @Query("INSERT INTO web_signed_out (subject, signed_out_at) VALUES (:subject, :at) ON CONFLICT DO NOTHING")
    int insertIfAbsent(String subject, Instant at);

    Optional<WebSignedOutRow> findBySubject(String subject);
}
