package dev.flightdeck.persistence.deploy;

import dev.flightdeck.deploy.PostReleaseRepository;
import dev.flightdeck.persistence.EarliestDue;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcPostReleaseRepository implements PostReleaseRepository {

    private final PostReleaseRows rows;
    private final javax.sql.DataSource dataSource;

    public JdbcPostReleaseRepository(PostReleaseRows rows, javax.sql.DataSource dataSource) {
        this.rows = rows;
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Instant> nextDue() {
        return EarliestDue.of(dataSource, "SELECT MIN(next_at) FROM post_release_check WHERE outcome IS NULL");
    }

    @Override
    public void start(long deployId, Instant startedAt, Instant endsAt, Instant firstAt) {
        rows.insertIfAbsent(deployId, startedAt, endsAt, firstAt);
    }

    @Override
    public List<Watch> due(Instant now, int limit) {
        return rows.due(now, limit).stream()
                .map(r -> new Watch(r.deployId(), r.startedAt(), r.endsAt(), r.nextAt(), r.probes())).toList();
    }

    @Override
    public boolean claim(long deployId, Instant seen, Instant next) {
        return rows.claim(deployId, seen, next) == 1;
    }

    @Override
    public boolean finish(long deployId, String outcome) {
        return rows.finish(deployId, outcome) == 1;
    }
}
