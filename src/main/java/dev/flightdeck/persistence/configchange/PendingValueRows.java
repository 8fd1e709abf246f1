package dev.flightdeck.persistence.configchange;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PendingValueRows extends GenericRepository<PendingValueRow, Long> {

    PendingValueRow save(PendingValueRow row);

    Optional<PendingValueRow> findById(Long changeId);

    @Query("DELETE FROM config_pending_value WHERE change_id = :changeId")
    int deleteByChangeId(long changeId);

    @Query("DELETE FROM config_pending_value WHERE expires_at <= :now")
    int deleteExpired(Instant now);
}
