package dev.flightdeck.persistence.configchange;

import dev.flightdeck.envconfig.change.ConfigEvent;
import dev.flightdeck.envconfig.change.ConfigHistory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ConfigHistory} in the table config_event. {@code record} is {@code INSERT … ON CONFLICT DO NOTHING} on
 * (service, environment, key, new version): the second sighting of a change — another replica's scan, the event
 * after the scan, the event of Flightdeck's own write — writes nothing and is told so, whichever replica it runs on.
 */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcConfigHistory implements ConfigHistory {

    /** An ARN is at most 2048 characters; who did it stays recognisable at the column's width. */
    private static final int ACTOR_WIDTH = 1000;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    public JdbcConfigHistory(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public boolean record(ConfigEvent event) {
        return insert(event, false);
    }

    @Override
    public boolean baseline(ConfigEvent event) {
        return insert(event, true);
    }

    @Override
    public Optional<ConfigEvent> latest(String service, String environment, String key) {
        return transactions.executeRead(status -> jdbc.prepareStatement("""
                SELECT service, environment, config_key, changed_at, actor, outside, old_version, new_version,
                       old_fingerprint, new_fingerprint, change_id
                FROM config_event WHERE service = ? AND environment = ? AND config_key = ?
                ORDER BY id DESC LIMIT 1""", ps -> {
            ps.setString(1, service);
            ps.setString(2, environment);
            ps.setString(3, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.<ConfigEvent>empty();
            }
        }));
    }

    @Override
    public List<ConfigEvent> latestPerKey(String service, String environment) {
        return transactions.executeRead(status -> jdbc.prepareStatement("""
                SELECT service, environment, config_key, changed_at, actor, outside, old_version, new_version,
                       old_fingerprint, new_fingerprint, change_id
                FROM config_event e WHERE service = ? AND environment = ?
                  AND id = (SELECT MAX(id) FROM config_event l
                            WHERE l.service = e.service AND l.environment = e.environment AND l.config_key = e.config_key)
                ORDER BY config_key""", ps -> {
            ps.setString(1, service);
            ps.setString(2, environment);
            List<ConfigEvent> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }));
    }

    private boolean insert(ConfigEvent event, boolean baseline) {
        try {
            return transactions.executeWrite(status -> jdbc.prepareStatement("""
                    INSERT INTO config_event (service, environment, config_key, new_version, old_version,
                        old_fingerprint, new_fingerprint, changed_at, actor, outside, change_id, baseline)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", ps -> {
                bind(ps, event);
                ps.setBoolean(12, baseline);
                return ps.executeUpdate() == 1;
            }));
        } catch (RuntimeException e) {
            // H2 may refuse a key another open transaction holds rather than wait for it: the same change, seen first
            // elsewhere.
            if (uniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean known(String service, String environment, String key, String version) {
        return transactions.executeRead(status -> jdbc.prepareStatement("""
                SELECT 1 FROM config_event
                WHERE service = ? AND environment = ? AND config_key = ? AND new_version = ?""", ps -> {
            ps.setString(1, service);
            ps.setString(2, environment);
            ps.setString(3, key);
            ps.setString(4, version == null ? "" : version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }));
    }

    @Override
    public List<ConfigEvent> since(String service, String environment, Instant since, int limit) {
        return transactions.executeRead(status -> jdbc.prepareStatement("""
                SELECT service, environment, config_key, changed_at, actor, outside, old_version, new_version,
                       old_fingerprint, new_fingerprint, change_id
                FROM config_event WHERE service = ? AND environment = ? AND changed_at >= ? AND NOT baseline
                ORDER BY changed_at, id LIMIT ?""", ps -> {
            ps.setString(1, service);
            ps.setString(2, environment);
            ps.setTimestamp(3, Timestamp.from(since));
            ps.setInt(4, Math.max(0, limit));
            List<ConfigEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(read(rs));
                }
            }
            return events;
        }));
    }

    private static void bind(PreparedStatement ps, ConfigEvent event) throws SQLException {
        ps.setString(1, event.service());
        ps.setString(2, event.environment());
        ps.setString(3, event.key());
        ps.setString(4, event.newVersion());
        ps.setString(5, event.oldVersion());
        ps.setString(6, event.oldFingerprint());
        ps.setString(7, event.newFingerprint());
        ps.setTimestamp(8, Timestamp.from(event.at()));
        String actor = event.actor();
        ps.setString(9, actor.length() > ACTOR_WIDTH ? actor.substring(0, ACTOR_WIDTH) : actor);
        ps.setBoolean(10, event.outside());
        if (event.changeId().isPresent()) {
            ps.setLong(11, event.changeId().get());
        } else {
            ps.setNull(11, Types.BIGINT);
        }
    }

    private static ConfigEvent read(ResultSet rs) throws SQLException {
        long changeId = rs.getLong("change_id");
        Optional<Long> change = rs.wasNull() ? Optional.empty() : Optional.of(changeId);
        return new ConfigEvent(rs.getString("service"), rs.getString("environment"), rs.getString("config_key"),
                rs.getTimestamp("changed_at").toInstant(), rs.getString("actor"), rs.getBoolean("outside"),
                rs.getString("old_version"), rs.getString("new_version"), rs.getString("old_fingerprint"),
                rs.getString("new_fingerprint"), change);
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
