package dev.flightdeck.persistence.deploy;

import dev.flightdeck.deploy.CheckRechecksStore;
import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.DeployState;
import io.micronaut.context.annotation.Requires;
import dev.flightdeck.persistence.EarliestDue;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link CheckRechecksStore} on the {@code deploy_check} table (H2 or PostgreSQL). */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcCheckRechecks implements CheckRechecksStore {

    private static final List<String> PENDING = DeployState.PENDING.stream().map(Enum::name).toList();

    /** The pending states as SQL literals (enum names, not input), for the one-row question. */
    private static final String PENDING_IN = PENDING.stream().map(n -> "'" + n + "'")
            .collect(java.util.stream.Collectors.joining(", ", "(", ")"));

    private final DeployRecheckRows rows;
    private final DataSource dataSource;

    public JdbcCheckRechecks(DeployRecheckRows rows, DataSource dataSource) {
        this.rows = rows;
        this.dataSource = dataSource;
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        return rows.due(now, PENDING, limit).stream().map(JdbcCheckRechecks::due).toList();
    }

    @Override
    public Optional<Instant> nextDue() {
        // Settling clears recheck_at, so its index (V17) holds only the unsettled checks' times.
        return EarliestDue.of(dataSource, "SELECT MIN(c.recheck_at) FROM deploy_check c JOIN deploy_request r"
                + " ON r.id = c.request_id WHERE c.recheck_at IS NOT NULL AND c.overridden_by IS NULL AND r.state IN "
                + PENDING_IN);
    }

    @Override
    public List<Due> waitingOn(String subject, int limit) {
        return rows.waitingOn(subject, PENDING, limit).stream().map(JdbcCheckRechecks::due).toList();
    }

    @Override
    public boolean claim(Due due, Instant leaseUntil) {
        return rows.claim(due.requestId(), due.name(), due.recheckAt(), leaseUntil) == 1;
    }

    @Override
    public boolean settle(Due claimed, Instant leaseUntil, CheckResult r) {
        return rows.settle(claimed.requestId(), claimed.name(), leaseUntil, r.blocked(), r.waiting(), r.text(),
                r.recheckAt(), r.waitsOn()) == 1;
    }

    private static Due due(DeployCheckRow row) {
        return new Due(row.requestId(), row.name(), row.recheckAt());
    }
}
