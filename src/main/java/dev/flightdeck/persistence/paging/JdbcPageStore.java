package dev.flightdeck.persistence.paging;

import dev.flightdeck.incident.paging.Page;
import dev.flightdeck.incident.paging.PageSender;
import dev.flightdeck.incident.paging.PageState;
import dev.flightdeck.incident.paging.PageStore;
import dev.flightdeck.persistence.JdbcWork;
import dev.flightdeck.persistence.JdbcWork.Binder;
import dev.flightdeck.wake.Wakeups;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * {@link PageStore} on H2 or PostgreSQL, in plain JDBC, each call in a transaction of its own. A new page is
 * {@code INSERT … ON CONFLICT DO NOTHING} on (incident, target), so a typed page and a page-on of the same target,
 * or two replicas, store one; every change is {@code UPDATE … WHERE id = ? AND version = ?}.
 */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcPageStore implements PageStore {

    static final int MAX_MESSAGE = 3000;
    static final int MAX_ERROR = 500;



    private final JdbcWork jdbc;
    private final Wakeups wakeups;

    public JdbcPageStore(JdbcOperations jdbc, TransactionOperations<Connection> transactions, Wakeups wakeups) {
        this.jdbc = new JdbcWork(jdbc, transactions);
        this.wakeups = wakeups;
    }

    @Override
    public Optional<Page> insert(Page.New p) {
        String dedup = Page.dedupKeyOf("INC-" + p.incidentNumber(), p.target());
        Optional<Page> stored = jdbc.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO incident_page (version, incident_number, target, dedup_key, state, message,
                      requested_by, attempts, next_attempt_at, last_error, created_at, updated_at)
                    VALUES (1, ?, ?, ?, ?, ?, ?, 0, ?, NULL, ?, ?)
                    ON CONFLICT DO NOTHING""")) {
                ps.setLong(1, p.incidentNumber());
                ps.setString(2, p.target());
                ps.setString(3, dedup);
                ps.setString(4, PageState.TRIGGER_PENDING.name());
                ps.setString(5, clip(p.message().orElse(null), MAX_MESSAGE));
                ps.setString(6, p.requestedBy());
                set(ps, 7, Optional.of(p.at()));
                set(ps, 8, Optional.of(p.at()));
                set(ps, 9, Optional.of(p.at()));
                if (ps.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            return select(c, "SELECT * FROM incident_page WHERE incident_number = ? AND target = ?", ps -> {
                ps.setLong(1, p.incidentNumber());
                ps.setString(2, p.target());
            }).stream().findFirst();
        });
        stored.ifPresent(this::wake);
        return stored;
    }

    @Override
    public Optional<Page> find(long incidentNumber, String target) {
        return jdbc.read(c -> select(c, "SELECT * FROM incident_page WHERE incident_number = ? AND target = ?", ps -> {
            ps.setLong(1, incidentNumber);
            ps.setString(2, target);
        })).stream().findFirst();
    }

    @Override
    public List<Page> ofIncident(long incidentNumber) {
        return jdbc.read(c -> select(c, "SELECT * FROM incident_page WHERE incident_number = ? ORDER BY id",
                ps -> ps.setLong(1, incidentNumber)));
    }

    @Override
    public Optional<Page> move(Page before, Page after) {
        Optional<Page> written = jdbc.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE incident_page SET version = version + 1, state = ?, attempts = ?, next_attempt_at = ?,
                      last_error = ?, updated_at = CURRENT_TIMESTAMP
                     WHERE id = ? AND version = ?""")) {
                ps.setString(1, after.state().name());
                ps.setInt(2, after.attempts());
                set(ps, 3, after.nextAttemptAt());
                ps.setString(4, clip(after.lastError().orElse(null), MAX_ERROR));
                ps.setLong(5, before.id());
                ps.setLong(6, before.version());
                if (ps.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            return select(c, "SELECT * FROM incident_page WHERE id = ?", ps -> ps.setLong(1, before.id()))
                    .stream().findFirst();
        });
        written.ifPresent(this::wake);
        return written;
    }

    @Override
    public List<Page> due(Instant now, int limit) {
        return jdbc.read(c -> select(c, """
                SELECT * FROM incident_page WHERE next_attempt_at <= ? AND state IN ('TRIGGER_PENDING', 'RESOLVE_PENDING')
                 ORDER BY next_attempt_at, id LIMIT ?""", ps -> {
            set(ps, 1, Optional.of(now));
            ps.setInt(2, limit);
        }));
    }

    @Override
    public Optional<Instant> nextDue() {
        return Optional.ofNullable(jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT MIN(next_attempt_at) FROM incident_page
                     WHERE state IN ('TRIGGER_PENDING', 'RESOLVE_PENDING')""");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            }
        }));
    }

    @Override
    public List<Page> unfinished(int limit) {
        return jdbc.read(c -> select(c, """
                SELECT * FROM incident_page WHERE state IN ('TRIGGER_PENDING', 'TRIGGERED', 'RESOLVE_PENDING')
                 ORDER BY id LIMIT ?""", ps -> ps.setInt(1, limit)));
    }

    private void wake(Page p) {
        p.nextAttemptAt().ifPresent(at -> wakeups.dueBy(PageSender.TOPIC, at));
    }

    private static Page row(ResultSet rs) throws SQLException {
        return new Page(rs.getLong("id"), rs.getLong("incident_number"), rs.getString("target"),
                rs.getString("dedup_key"), PageState.valueOf(rs.getString("state")),
                Optional.ofNullable(rs.getString("message")), rs.getString("requested_by"), rs.getInt("attempts"),
                Optional.ofNullable(instant(rs, "next_attempt_at")), Optional.ofNullable(rs.getString("last_error")),
                instant(rs, "created_at"), rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void set(PreparedStatement ps, int index, Optional<Instant> at) throws SQLException {
        // PostgreSQL keeps microseconds: truncated on the way in, so what is written is what is read.
        ps.setObject(index, at.map(t -> OffsetDateTime.ofInstant(t.truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                ZoneOffset.UTC)).orElse(null));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static List<Page> select(Connection c, String sql, Binder binder) throws SQLException {
        return JdbcWork.select(c, sql, binder, JdbcPageStore::row);
    }
}
