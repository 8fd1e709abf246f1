package dev.flightdeck.persistence.configchange;

import dev.flightdeck.envconfig.change.ChangeState;
import dev.flightdeck.envconfig.change.ConfigChange;
import dev.flightdeck.envconfig.change.ConfigChangeRepository;
import dev.flightdeck.envconfig.change.ConfigChangeScheduler;
import dev.flightdeck.wake.Wakeups;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.flightdeck.persistence.configchange.ConfigChangeRows.set;

/**
 * {@link ConfigChangeRepository} on H2 or PostgreSQL, in plain JDBC. Every change of state is
 * {@code UPDATE … WHERE id = ? AND state = ?}; the row's {@code state_changed_at} is stamped here (from the
 * service's clock) so the scheduler can tell a write left unfinished. No secret value can be stored: the domain type
 * cannot carry one, and the table's CHECK refuses one.
 */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcConfigChangeRepository implements ConfigChangeRepository {

    private static final String PROPOSED = ChangeState.PROPOSED.name();
    private static final String APPLYING = ChangeState.APPLYING.name();
    private static final String FAILED = ChangeState.FAILED.name();

    private final ConfigChangeSql sql;
    private final Wakeups wakeups;
    private final Clock clock;

    public JdbcConfigChangeRepository(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                                      Wakeups wakeups, Clock clock) {
        this.sql = new ConfigChangeSql(jdbc, transactions);
        this.wakeups = wakeups;
        this.clock = clock;
    }

    @Override
    public ConfigChange insert(ConfigChange change) {
        ConfigChange stored = sql.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO config_change (service, environment, config_key, source, value_type, kind, base_version,
                      old_plain_value, new_plain_value, old_fingerprint, new_fingerprint, proposer_id, state,
                      state_changed_at, rule_results, blocked, revert_of, proposed_at, next_nudge_at, nudges,
                      expires_at, finished_at, new_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    Statement.RETURN_GENERATED_KEYS)) {
                var t = change.target();
                var v = change.value();
                ps.setString(1, t.service());
                ps.setString(2, t.environment());
                ps.setString(3, t.key());
                ps.setString(4, t.source());
                ps.setString(5, t.type());
                ps.setString(6, change.kind().name());
                ps.setString(7, v.baseVersion());
                ps.setString(8, v.oldValue().orElse(null));
                ps.setString(9, v.newValue().orElse(null));
                ps.setString(10, v.oldFingerprint());
                ps.setString(11, v.newFingerprint());
                ps.setString(12, change.proposerId());
                ps.setString(13, change.state().name());
                set(ps, 14, clock.instant());
                ps.setString(15, RuleResultsJson.encode(change.rules()));
                ps.setBoolean(16, change.blocked());
                ps.setObject(17, change.revertOf().orElse(null));
                set(ps, 18, change.timers().proposedAt());
                set(ps, 19, change.timers().nextNudgeAt());
                ps.setInt(20, change.timers().nudges());
                set(ps, 21, change.timers().expiresAt());
                set(ps, 22, change.timers().finishedAt());
                ps.setString(23, change.newVersion());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return find(c, keys.getLong(1)).orElseThrow();
                }
            }
        });
        wake(stored);
        return stored;
    }

    @Override
    public Optional<ConfigChange> find(long id) {
        return sql.read(c -> find(c, id));
    }

    private Optional<ConfigChange> find(Connection c, long id) throws SQLException {
        List<ConfigChange> found = sql.select(c, "SELECT * FROM config_change WHERE id = ?", ps -> ps.setLong(1, id));
        return found.stream().findFirst();
    }

    @Override
    public boolean transition(ConfigChange before, ConfigChange after) {
        boolean moved = sql.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE config_change SET state = ?, state_changed_at = ?, next_nudge_at = ?, nudges = ?,
                      expires_at = ?, finished_at = ?, new_version = ?, outcome = ?
                     WHERE id = ? AND state = ?""")) {
                ps.setString(1, after.state().name());
                set(ps, 2, clock.instant());
                set(ps, 3, after.timers().nextNudgeAt());
                ps.setInt(4, after.timers().nudges());
                set(ps, 5, after.timers().expiresAt());
                set(ps, 6, after.timers().finishedAt());
                ps.setString(7, after.newVersion());
                ps.setString(8, after.outcome().orElse(null));
                ps.setLong(9, before.id());
                ps.setString(10, before.state().name());
                return ps.executeUpdate() == 1;
            }
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
                INSERT INTO config_change_approval (change_id, approver_id, approved_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", ps -> {
            ps.setLong(1, id);
            ps.setString(2, userId);
            set(ps, 3, clock.instant());
        });
    }

    @Override
    public boolean override(long id, String userId, String reason) {
        return sql.update("""
                UPDATE config_change SET override_by = ?, override_reason = ?
                 WHERE id = ? AND state = ? AND blocked = TRUE AND override_by IS NULL""", ps -> {
            ps.setString(1, userId);
            ps.setString(2, reason);
            ps.setLong(3, id);
            ps.setString(4, PROPOSED);
        });
    }

    @Override
    public void saveMessage(long id, ConfigChange.Message message) {
        sql.update("UPDATE config_change SET channel_id = ?, message_ts = ? WHERE id = ?", ps -> {
            ps.setString(1, message.channelId());
            ps.setString(2, message.ts());
            ps.setLong(3, id);
        });
    }

    @Override
    public Optional<ConfigChange> applying(String service, String environment, String key) {
        return sql.read(c -> sql.select(c, """
                SELECT * FROM config_change WHERE service = ? AND environment = ? AND config_key = ? AND state = ?
                 ORDER BY id LIMIT 1""", ps -> {
            ps.setString(1, service);
            ps.setString(2, environment);
            ps.setString(3, key);
            ps.setString(4, APPLYING);
        }).stream().findFirst());
    }

    @Override
    public boolean claimNudge(ConfigChange due, Instant leaseUntil) {
        return sql.update("UPDATE config_change SET next_nudge_at = ? WHERE id = ? AND state = ? AND next_nudge_at = ?",
                ps -> {
                    set(ps, 1, leaseUntil);
                    ps.setLong(2, due.id());
                    ps.setString(3, PROPOSED);
                    set(ps, 4, due.timers().nextNudgeAt());
                });
    }

    @Override
    public boolean completeNudge(ConfigChange claimed, Instant leaseUntil, Instant next) {
        boolean done = sql.update("""
                UPDATE config_change SET next_nudge_at = ?, nudges = nudges + 1
                 WHERE id = ? AND state = ? AND next_nudge_at = ?""", ps -> {
            set(ps, 1, next);
            ps.setLong(2, claimed.id());
            ps.setString(3, PROPOSED);
            set(ps, 4, leaseUntil);
        });
        if (done) {
            wakeups.dueBy(ConfigChangeScheduler.TOPIC, next);
        }
        return done;
    }

    @Override
    public List<ConfigChange> dueNudges(Instant now, int limit) {
        return sql.read(c -> sql.select(c, """
                SELECT * FROM config_change WHERE state = ? AND next_nudge_at <= ? ORDER BY next_nudge_at, id LIMIT ?""",
                ps -> {
                    ps.setString(1, PROPOSED);
                    set(ps, 2, now);
                    ps.setInt(3, limit);
                }));
    }

    @Override
    public List<ConfigChange> dueExpiries(Instant now, int limit) {
        return sql.read(c -> sql.select(c, """
                SELECT * FROM config_change WHERE state IN (?, ?) AND expires_at <= ? ORDER BY expires_at, id LIMIT ?""",
                ps -> {
                    ps.setString(1, PROPOSED);
                    ps.setString(2, FAILED);
                    set(ps, 3, now);
                    ps.setInt(4, limit);
                }));
    }

    @Override
    public List<ConfigChange> stranded(Instant before, int limit) {
        return sql.read(c -> sql.select(c, """
                SELECT * FROM config_change WHERE state = ? AND state_changed_at < ? ORDER BY state_changed_at, id
                 LIMIT ?""", ps -> {
            ps.setString(1, APPLYING);
            set(ps, 2, before);
            ps.setInt(3, limit);
        }));
    }

    @Override
    public Optional<Instant> nextDue() {
        // Three index lookups in one round trip (state with each time).
        return Optional.ofNullable(sql.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT (SELECT MIN(next_nudge_at) FROM config_change WHERE state = ?),
                           (SELECT MIN(expires_at) FROM config_change WHERE state IN (?, ?)),
                           (SELECT MIN(state_changed_at) FROM config_change WHERE state = ?)""")) {
                ps.setString(1, PROPOSED);
                ps.setString(2, PROPOSED);
                ps.setString(3, FAILED);
                ps.setString(4, APPLYING);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Instant stranded = ConfigChangeRows.instant(rs, 3);
                    return earliest(earliest(ConfigChangeRows.instant(rs, 1), ConfigChangeRows.instant(rs, 2)),
                            stranded == null ? null : stranded.plus(ConfigChangeScheduler.STRANDED_AFTER));
                }
            }
        }));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /** Tells the scheduler (in this process) when this request is next due: a nudge, its expiry, a stranded write. */
    private void wake(ConfigChange c) {
        if (c.state() == ChangeState.PROPOSED) {
            wakeups.dueBy(ConfigChangeScheduler.TOPIC, c.timers().nextNudgeAt());
        }
        if (c.state() == ChangeState.PROPOSED || c.state() == ChangeState.FAILED) {
            wakeups.dueBy(ConfigChangeScheduler.TOPIC, c.timers().expiresAt());
        }
        if (c.state() == ChangeState.APPLYING) {
            wakeups.dueBy(ConfigChangeScheduler.TOPIC, clock.instant().plus(ConfigChangeScheduler.STRANDED_AFTER));
        }
    }
}
