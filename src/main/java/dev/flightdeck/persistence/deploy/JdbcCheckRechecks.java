package dev.flightdeck.persistence.deploy;

import dev.flightdeck.deploy.CheckRechecksStore;
import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.DeployState;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/** {@link CheckRechecksStore} on the {@code deploy_check} table (H2 or PostgreSQL). */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcCheckRechecks implements CheckRechecksStore {

    private static final List<String> PENDING = DeployState.PENDING.stream().map(Enum::name).toList();

    private final DeployRecheckRows rows;

    public JdbcCheckRechecks(DeployRecheckRows rows) {
        this.rows = rows;
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        return rows.due(now, PENDING, limit).stream().map(JdbcCheckRechecks::due).toList();
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
