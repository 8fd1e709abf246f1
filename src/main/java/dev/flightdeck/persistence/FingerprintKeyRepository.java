package dev.flightdeck.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FingerprintKeyRepository extends GenericRepository<FingerprintKeyRow, Integer> {

    /** ON CONFLICT DO NOTHING: two replicas starting together both try; the first row stays. */
    @Query("INSERT INTO fingerprint_key (id, key_hex, created_at) VALUES (:id, :keyHex, :createdAt) ON CONFLICT DO NOTHING")
    int insertIfAbsent(int id, String keyHex, Instant createdAt);

    Optional<FingerprintKeyRow> findById(Integer id);
}
