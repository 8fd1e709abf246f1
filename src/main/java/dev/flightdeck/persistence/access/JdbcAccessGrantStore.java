package dev.flightdeck.persistence.access;

import dev.flightdeck.incident.access.AccessGrant;
import dev.flightdeck.incident.access.AccessGrantStore;
import dev.flightdeck.incident.access.AccessJob;
import dev.flightdeck.incident.access.AccessState;
import dev.flightdeck.persistence.EarliestDue;
import dev.flightdeck.persistence.JdbcWork;
import dev.flightdeck.wake.Wakeups;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.flightdeck.persistence.access.AccessRows.set;

/**
 * {@link AccessGrantStore} on H2 or PostgreSQL, in plain JDBC, each call in a transaction of its own. Every change is
 * {@code UPDATE … WHERE id = ? AND version = ?}: of two replicas moving one request, one writes and the other gets
 * nothing. A write that makes a row due tells the job's waker.
 */
@Singleton
@Requires(beans = DataSource.class)
public class JdbcAccessGrantStore implements AccessGrantStore {

    private final JdbcWork jdbc;
    private final DataSource dataSource;
    private final Wakeups wakeups;

    public JdbcAccessGrantStore(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                                DataSource dataSource, Wakeups wakeups) {
        this.jdbc = new JdbcWork(jdbc, transactions);
        this.dataSource = dataSource;
        this.wakeups = wakeups;
    }

    @Override
    public AccessGrant create(AccessGrant.New r) {
        long id = jdbc.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO incident_access (version, incident_id, requester, permission_set, permission_set_arn,
                      instance_arn, account_id, duration_seconds, reason, state, requested_at, due_at, attempts)
                    VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, r.incident());
                ps.setString(2, r.requester());
                ps.setString(3, AccessRows.clip(r.permissionSet(), 200));
                ps.setString(4, r.permissionSetArn());
                ps.setString(5, r.instanceArn());
                ps.setString(6, r.account());
                ps.setLong(7, r.duration().getSeconds());
                ps.setString(8, AccessRows.clip(r.reason(), 1000));
                ps.setString(9, AccessState.REQUESTED.name());
                set(ps, 10, r.requestedAt());
                set(ps, 11, r.decideBy());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return find(id).orElseThrow();
    }

    @Override
    public Optional<AccessGrant> find(long id) {
        return select("SELECT * FROM incident_access WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public List<AccessGrant> ofIncident(long incident) {
        return select("SELECT * FROM incident_access WHERE incident_id = ? ORDER BY id", incident);
    }

    @Override
    public Optional<AccessGrant> move(AccessGrant from, AccessGrant to) {
        Optional<Instant> due = to.state().isFinal() ? Optional.empty() : to.dueAt();
        boolean moved = jdbc.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE incident_access SET version = version + 1, state = ?, decided_by = ?, principal_id = ?,
                      aws_request_id = ?, granted_at = ?, expires_at = ?, due_at = ?, attempts = ?, last_error = ?,
                      end_reason = ?, ended_at = ?
                    WHERE id = ? AND version = ?""")) {
                ps.setString(1, to.state().name());
                ps.setString(2, to.decidedBy().orElse(null));
                ps.setString(3, to.principalId().orElse(null));
                ps.setString(4, to.awsRequestId().orElse(null));
                set(ps, 5, to.grantedAt().orElse(null));
                set(ps, 6, to.expiresAt().orElse(null));
                set(ps, 7, due.orElse(null));
                ps.setInt(8, to.attempts());
                ps.setString(9, to.lastError().map(e -> AccessRows.clip(e, 500)).orElse(null));
                ps.setString(10, to.endReason().map(Enum::name).orElse(null));
                set(ps, 11, to.endedAt().orElse(null));
                ps.setLong(12, from.id());
                ps.setLong(13, from.version());
                return ps.executeUpdate() == 1;
            }
        });
        if (!moved) {
            return Optional.empty();
        }
        due.ifPresent(at -> wakeups.dueBy(AccessJob.TOPIC, at));
        return find(from.id());
    }

    @Override
    public List<AccessGrant> due(Instant now, int limit) {
        return jdbc.read(c -> JdbcWork.select(c, "SELECT * FROM incident_access WHERE due_at <= ? ORDER BY due_at, id",
                ps -> {
                    set(ps, 1, now);
                    ps.setMaxRows(limit);
                }, AccessRows::read));
    }

    @Override
    public Optional<Instant> nextDue() {
        return EarliestDue.of(dataSource, "SELECT MIN(due_at) FROM incident_access");
    }

    private List<AccessGrant> select(String sql, long id) {
        return jdbc.read(c -> JdbcWork.select(c, sql, ps -> ps.setLong(1, id), AccessRows::read));
    }
}
