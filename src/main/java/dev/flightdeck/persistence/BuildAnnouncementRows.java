package dev.flightdeck.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface BuildAnnouncementRows extends GenericRepository<BuildAnnouncementRow, String> {

    @Query("INSERT INTO build_announcement (announce_key, announced_at) VALUES (:key, :at) ON CONFLICT DO NOTHING")
    int insertIfAbsent(String key, Instant at);
}
