package dev.flightdeck.persistence.alarms;

import dev.flightdeck.alarms.Alert;
import dev.flightdeck.alarms.AlertEpisode;
import dev.flightdeck.alarms.AlertEpisodeStore;
import dev.flightdeck.alarms.AlertNudges;
import dev.flightdeck.persistence.JdbcWork;
import dev.flightdeck.persistence.JdbcWork.Binder;
import dev.flightdeck.wake.Wakeups;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.flightdeck.persistence.alarms.AlertEpisodeRows.clip;
import static dev.flightdeck.persistence.alarms.AlertEpisodeRows.set;

/**
 * {@link AlertEpisodeStore} on H2 or PostgreSQL, in plain JDBC, each call in a transaction of its own. Every change
 * is {@code UPDATE … WHERE id = ? AND version = ?}; opening is {@code INSERT … ON CONFLICT DO NOTHING} on the open
 * key, so a second replica opening the same alarm's episode inserts nothing (and aborts no PostgreSQL transaction).
 */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcAlertEpisodeStore implements AlertEpisodeStore {

    private final JdbcWork jdbc;
    private final Wakeups wakeups;

    public JdbcAlertEpisodeStore(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                                 Wakeups wakeups) {
        this.jdbc = new JdbcWork(jdbc, transactions);
        this.wakeups = wakeups;
    }

    @Override
    public Optional<Held> current(String source, String key) {
        return one("SELECT * FROM alert_episode WHERE open_key = ?",
                ps -> ps.setString(1, AlertEpisodeRows.openKey(source, key)));
    }

    @Override
    public Optional<Held> find(long id) {
        return one("SELECT * FROM alert_episode WHERE id = ?", ps -> ps.setLong(1, id));
    }

    @Override
    public Optional<Held> open(AlertEpisode episode) {
        Alert a = episode.latest();
        Optional<Held> opened = jdbc.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO alert_episode (version, source, alert_key, open_key, name, service, environment, state,
                      reason, metric, threshold, reported_at, runbook, link, graph, event_id, fired_at, ok_since,
                      ends_at, acknowledged_by, acknowledged_at, flaps, next_nudge_at, nudges, incident_id)
                    VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, a.source());
                ps.setString(2, AlertEpisodeRows.key(a.key()));
                ps.setString(3, AlertEpisodeRows.openKey(a.source(), a.key()));
                ps.setString(4, clip(a.name(), 512));
                ps.setString(5, a.service());
                ps.setString(6, a.environment());
                ps.setString(7, a.state().name());
                ps.setString(8, clip(a.reason(), AlertEpisodeRows.MAX_REASON));
                ps.setString(9, clip(a.metric().orElse(null), 1000));
                ps.setString(10, clip(a.threshold().orElse(null), 200));
                set(ps, 11, a.at());
                ps.setString(12, a.runbook().map(URI::toString).orElse(null));
                ps.setString(13, a.link().map(URI::toString).orElse(null));
                ps.setString(14, a.graph().map(AlertEpisodeRows::graph).orElse(null));
                ps.setString(15, clip(a.eventId(), 128));
                set(ps, 16, episode.firedAt());
                set(ps, 17, episode.okSince());
                ps.setString(18, episode.acknowledgedBy().orElse(null));
                set(ps, 19, episode.acknowledgedAt());
                ps.setInt(20, episode.flaps());
                set(ps, 21, episode.nextNudgeAt());
                ps.setInt(22, episode.nudges());
                ps.setString(23, episode.incident().orElse(null));
                if (ps.executeUpdate() != 1) {
                    return Optional.empty();
                }
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return select(c, "SELECT * FROM alert_episode WHERE id = ?", p -> p.setLong(1, keys.getLong(1)))
                            .stream().findFirst();
                }
            }
        });
        opened.ifPresent(this::wake);
        return opened;
    }

    @Override
    public boolean close(Held held) {
        return update("UPDATE alert_episode SET open_key = NULL, version = version + 1 WHERE id = ? AND version = ?",
                ps -> {
                    ps.setLong(1, held.episode().id());
                    ps.setLong(2, held.version());
                });
    }

    @Override
    public Optional<Held> update(Held before, AlertEpisode after, Optional<Instant> endsAt) {
        Alert a = after.latest();
        Optional<Held> written = jdbc.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE alert_episode SET version = version + 1, name = ?, state = ?, reason = ?, metric = ?,
                      threshold = ?, reported_at = ?, runbook = ?, link = ?, graph = ?, event_id = ?, ok_since = ?,
                      ends_at = ?, acknowledged_by = ?, acknowledged_at = ?, flaps = ?, next_nudge_at = ?, nudges = ?,
                      incident_id = ?
                     WHERE id = ? AND version = ?""")) {
                ps.setString(1, clip(a.name(), 512));
                ps.setString(2, a.state().name());
                ps.setString(3, clip(a.reason(), AlertEpisodeRows.MAX_REASON));
                ps.setString(4, clip(a.metric().orElse(null), 1000));
                ps.setString(5, clip(a.threshold().orElse(null), 200));
                set(ps, 6, a.at());
                ps.setString(7, a.runbook().map(URI::toString).orElse(null));
                ps.setString(8, a.link().map(URI::toString).orElse(null));
                ps.setString(9, a.graph().map(AlertEpisodeRows::graph).orElse(null));
                ps.setString(10, clip(a.eventId(), 128));
                set(ps, 11, after.okSince());
                set(ps, 12, endsAt);
                ps.setString(13, after.acknowledgedBy().orElse(null));
                set(ps, 14, after.acknowledgedAt());
                ps.setInt(15, after.flaps());
                set(ps, 16, after.nextNudgeAt());
                ps.setInt(17, after.nudges());
                ps.setString(18, after.incident().orElse(null));
                ps.setLong(19, before.episode().id());
                ps.setLong(20, before.version());
                if (ps.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            return select(c, "SELECT * FROM alert_episode WHERE id = ?", p -> p.setLong(1, before.episode().id()))
                    .stream().findFirst();
        });
        written.ifPresent(this::wake);
        return written;
    }

    /** Not a version move: a redraw racing the post still finds the row at the version it read. */
    @Override
    public boolean saveMessage(long id, AlertEpisode.Message message) {
        return update("UPDATE alert_episode SET channel_id = ?, message_ts = ? WHERE id = ? AND channel_id IS NULL",
                ps -> {
                    ps.setString(1, message.channelId());
                    ps.setString(2, message.ts());
                    ps.setLong(3, id);
                });
    }

    @Override
    public List<Held> dueNudges(Instant now, int limit) {
        return jdbc.read(c -> select(c, """
                SELECT * FROM alert_episode WHERE next_nudge_at <= ? AND open_key IS NOT NULL
                 ORDER BY next_nudge_at, id LIMIT ?""", ps -> {
            set(ps, 1, now);
            ps.setInt(2, limit);
        }));
    }

    @Override
    public Optional<Instant> nextNudge() {
        return Optional.ofNullable(jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MIN(next_nudge_at) FROM alert_episode WHERE open_key IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                java.time.OffsetDateTime t = rs.getObject(1, java.time.OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            }
        }));
    }

    @Override
    public List<String> incidentsOf(String service) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT incident_id, MAX(id) AS latest FROM alert_episode
                     WHERE service = ? AND incident_id IS NOT NULL GROUP BY incident_id ORDER BY latest DESC""")) {
                ps.setString(1, service);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    private void wake(Held held) {
        held.episode().nextNudgeAt().ifPresent(at -> wakeups.dueBy(AlertNudges.TOPIC, at));
    }

    private Optional<Held> one(String sql, Binder binder) {
        return jdbc.read(c -> select(c, sql, binder).stream().findFirst());
    }

    private boolean update(String sql, Binder binder) {
        return jdbc.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static List<Held> select(Connection c, String sql, Binder binder) throws SQLException {
        return JdbcWork.select(c, sql, binder, AlertEpisodeRows::read);
    }
}
