package dev.flightdeck.persistence.flags;

import dev.flightdeck.deploy.flags.FlagRepository;
import dev.flightdeck.deploy.flags.FlagRequest;
import dev.flightdeck.deploy.flags.FlagScheduler;
import dev.flightdeck.deploy.flags.FlagState;
import dev.flightdeck.wake.Wakeups;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.flightdeck.persistence.flags.FlagRequestSql.set;

/**
 * {@link FlagRepository} on H2 or PostgreSQL, in plain JDBC. Every change of state is
 * {@code UPDATE … WHERE id = ? AND state = ?}; {@code state_changed_at} is stamped here (from the service's clock) so
 * the scheduler can tell a flip left unfinished.
 */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcFlagRepository implements FlagRepository {

    private static final String REQUESTED = FlagState.REQUESTED.name();
    private static final String APPLYING = FlagState.APPLYING.name();
    private static final String APPLIED = FlagState.APPLIED.name();
    private static final String FAILED = FlagState.FAILED.name();

    private final FlagRequestSql sql;
    private final Wakeups wakeups;
    private final Clock clock;

    public JdbcFlagRepository(JdbcOperations jdbc, TransactionOperations<Connection> transactions, Wakeups wakeups,
                              Clock clock) {
        this.sql = new FlagRequestSql(jdbc, transactions);
        this.wakeups = wakeups;
        this.clock = clock;
    }

    @Override
    public FlagRequest insert(FlagRequest r) {
        FlagRequest stored = sql.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO flag_request (flag_key, environment, provider_environment, turn_on, requester_id, state,
                      state_changed_at, kill_switch_incident, requested_at, next_nudge_at, nudges, expires_at,
                      finished_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, r.flagKey());
                ps.setString(2, r.environment());
                ps.setString(3, r.providerEnvironment());
                ps.setBoolean(4, r.turnOn());
                ps.setString(5, r.requesterId());
                ps.setString(6, r.state().name());
                set(ps, 7, clock.instant());
                ps.setObject(8, r.killSwitchIncident().orElse(null));
                set(ps, 9, r.timers().requestedAt());
                set(ps, 10, r.timers().nextNudgeAt());
                ps.setInt(11, r.timers().nudges());
                set(ps, 12, r.timers().expiresAt());
                set(ps, 13, r.timers().finishedAt());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    long id = keys.getLong(1);
                    return sql.select(c, "SELECT * FROM flag_request WHERE id = ?", x -> x.setLong(1, id)).get(0);
                }
            }
        });
        wake(stored);
        return stored;
    }

    @Override
    public Optional<FlagRequest> find(long id) {
        return sql.select("SELECT * FROM flag_request WHERE id = ?", ps -> ps.setLong(1, id)).stream().findFirst();
    }

    @Override
    public boolean transition(FlagRequest before, FlagRequest after) {
        boolean moved = sql.update("""
                UPDATE flag_request SET state = ?, state_changed_at = ?, next_nudge_at = ?, nudges = ?, expires_at = ?,
                  finished_at = ?, outcome = ?
                 WHERE id = ? AND state = ?""", ps -> {
            ps.setString(1, after.state().name());
            set(ps, 2, clock.instant());
            set(ps, 3, after.timers().nextNudgeAt());
            ps.setInt(4, after.timers().nudges());
            set(ps, 5, after.timers().expiresAt());
            set(ps, 6, after.timers().finishedAt());
            ps.setString(7, after.outcome().map(o -> o.length() > 1000 ? o.substring(0, 1000) : o).orElse(null));
            ps.setLong(8, before.id());
            ps.setString(9, before.state().name());
        });
        if (moved) {
            wake(after);
        }
        return moved;
    }

    /** ON CONFLICT DO NOTHING: a repeated go changes nothing and aborts no PostgreSQL transaction. */
    @Override
    public boolean addApproval(long id, String userId) {
        return sql.update("""
                INSERT INTO flag_request_approval (request_id, approver_id, approved_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", ps -> {
            ps.setLong(1, id);
            ps.setString(2, userId);
            set(ps, 3, clock.instant());
        });
    }

    @Override
    public void saveMessage(long id, FlagRequest.Message message) {
        sql.update("UPDATE flag_request SET channel_id = ?, message_ts = ? WHERE id = ?", ps -> {
            ps.setString(1, message.channelId());
            ps.setString(2, message.ts());
            ps.setLong(3, id);
        });
    }

    @Override
    public Optional<FlagRequest> open(String flagKey, String environment) {
        return sql.select("""
                SELECT * FROM flag_request WHERE flag_key = ? AND environment = ? AND state IN (?, ?, ?)
                 ORDER BY id LIMIT 1""", ps -> {
            ps.setString(1, flagKey);
            ps.setString(2, environment);
            ps.setString(3, REQUESTED);
            ps.setString(4, APPLYING);
            ps.setString(5, FAILED);
        }).stream().findFirst();
    }

    @Override
    public Optional<FlagRequest> lastApplied(String flagKey, String environment) {
        return sql.select("""
                SELECT * FROM flag_request WHERE flag_key = ? AND environment = ? AND state = ?
                 ORDER BY finished_at DESC, id DESC LIMIT 1""", ps -> {
            ps.setString(1, flagKey);
            ps.setString(2, environment);
            ps.setString(3, APPLIED);
        }).stream().findFirst();
    }

    @Override
    public List<FlagRequest> appliedSince(String environment, Instant since, int limit) {
        // The newest `limit`, handed back oldest first.
        List<FlagRequest> newest = sql.select("""
                SELECT * FROM flag_request WHERE environment = ? AND state = ? AND finished_at >= ?
                 ORDER BY finished_at DESC, id DESC LIMIT ?""", ps -> {
            ps.setString(1, environment);
            ps.setString(2, APPLIED);
            set(ps, 3, since);
            ps.setInt(4, limit);
        });
        List<FlagRequest> oldestFirst = new java.util.ArrayList<>(newest);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    @Override
    public List<FlagRequest> dueNudges(Instant now, int limit) {
        return sql.select("SELECT * FROM flag_request WHERE state = ? AND next_nudge_at <= ? ORDER BY next_nudge_at, id LIMIT ?",
                ps -> {
                    ps.setString(1, REQUESTED);
                    set(ps, 2, now);
                    ps.setInt(3, limit);
                });
    }

    @Override
    public boolean claimNudge(FlagRequest due, Instant leaseUntil) {
        return sql.update("UPDATE flag_request SET next_nudge_at = ? WHERE id = ? AND state = ? AND next_nudge_at = ?",
                ps -> {
                    set(ps, 1, leaseUntil);
                    ps.setLong(2, due.id());
                    ps.setString(3, REQUESTED);
                    set(ps, 4, due.timers().nextNudgeAt());
                });
    }

    @Override
    public boolean completeNudge(FlagRequest claimed, Instant leaseUntil, Instant next) {
        boolean done = sql.update("""
                UPDATE flag_request SET next_nudge_at = ?, nudges = nudges + 1
                 WHERE id = ? AND state = ? AND next_nudge_at = ?""", ps -> {
            set(ps, 1, next);
            ps.setLong(2, claimed.id());
            ps.setString(3, REQUESTED);
            set(ps, 4, leaseUntil);
        });
        if (done && next != null) {
            wakeups.dueBy(FlagScheduler.TOPIC, next);
        }
        return done;
    }

    @Override
    public List<FlagRequest> dueExpiries(Instant now, int limit) {
        return sql.select("SELECT * FROM flag_request WHERE state IN (?, ?) AND expires_at <= ? ORDER BY expires_at, id LIMIT ?",
                ps -> {
                    ps.setString(1, REQUESTED);
                    ps.setString(2, FAILED);
                    set(ps, 3, now);
                    ps.setInt(4, limit);
                });
    }

    @Override
    public List<FlagRequest> stranded(Instant before, int limit) {
        return sql.select("""
                SELECT * FROM flag_request WHERE state = ? AND state_changed_at < ? ORDER BY state_changed_at, id
                 LIMIT ?""", ps -> {
            ps.setString(1, APPLYING);
            set(ps, 2, before);
            ps.setInt(3, limit);
        });
    }

    @Override
    public Optional<Instant> nextDue() {
        return Optional.ofNullable(sql.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT (SELECT MIN(next_nudge_at) FROM flag_request WHERE state = ?),
                           (SELECT MIN(expires_at) FROM flag_request WHERE state IN (?, ?)),
                           (SELECT MIN(state_changed_at) FROM flag_request WHERE state = ?)""")) {
                ps.setString(1, REQUESTED);
                ps.setString(2, REQUESTED);
                ps.setString(3, FAILED);
                ps.setString(4, APPLYING);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Instant stranded = FlagRequestSql.instant(rs, 3);
                    return earliest(earliest(FlagRequestSql.instant(rs, 1), FlagRequestSql.instant(rs, 2)),
                            stranded == null ? null : stranded.plus(FlagScheduler.STRANDED_AFTER));
                }
            }
        }));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private void wake(FlagRequest r) {
        if (r.state() == FlagState.REQUESTED && r.timers().nextNudgeAt() != null) {
            wakeups.dueBy(FlagScheduler.TOPIC, r.timers().nextNudgeAt());
        }
        if ((r.state() == FlagState.REQUESTED || r.state() == FlagState.FAILED) && r.timers().expiresAt() != null) {
            wakeups.dueBy(FlagScheduler.TOPIC, r.timers().expiresAt());
        }
        if (r.state() == FlagState.APPLYING) {
            wakeups.dueBy(FlagScheduler.TOPIC, clock.instant().plus(FlagScheduler.STRANDED_AFTER));
        }
    }
}
