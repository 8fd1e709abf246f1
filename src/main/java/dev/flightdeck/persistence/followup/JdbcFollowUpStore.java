package dev.flightdeck.persistence.followup;

import dev.flightdeck.incident.followup.FollowUp;
import dev.flightdeck.incident.followup.FollowUpState;
import dev.flightdeck.incident.followup.FollowUpStore;
import dev.flightdeck.persistence.EarliestDue;
import dev.flightdeck.persistence.JdbcWork;
import dev.flightdeck.persistence.JdbcWork.Binder;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.flightdeck.persistence.followup.FollowUpRows.clip;
import static dev.flightdeck.persistence.followup.FollowUpRows.set;

/**
 * {@link FollowUpStore} on H2 or PostgreSQL in plain JDBC, each call a transaction of its own. Every change is
 * {@code UPDATE … WHERE id = ? AND version = ?}: the loser of a race updates nothing and is told so.
 */
@Singleton
@Requires(beans = DataSource.class)
public class JdbcFollowUpStore implements FollowUpStore {

    private final JdbcWork jdbc;
    private final DataSource dataSource;

    public JdbcFollowUpStore(JdbcOperations jdbc, TransactionOperations<Connection> transactions, DataSource dataSource) {
        this.jdbc = new JdbcWork(jdbc, transactions);
        this.dataSource = dataSource;
    }

    @Override
    public FollowUp add(NewFollowUp f) {
        return jdbc.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO follow_up (version, incident_number, text, link, owner_id, created_by, created_at, due,
                      state, next_remind_at, reminders, export_state, export_attempts, export_next_at)
                    VALUES (1, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, 0, ?, 0, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, f.incidentNumber());
                ps.setString(2, clip(f.text(), FollowUp.MAX_TEXT));
                ps.setString(3, f.link().map(l -> clip(l, 2048)).orElse(null));
                ps.setString(4, f.owner());
                ps.setString(5, f.createdBy());
                set(ps, 6, Optional.of(f.createdAt()));
                ps.setObject(7, f.due());
                set(ps, 8, Optional.of(f.firstReminder()));
                ps.setString(9, f.export().state().name());
                set(ps, 10, f.export().nextAt());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    long id = keys.getLong(1);
                    return select(c, "SELECT * FROM follow_up WHERE id = ?", p -> p.setLong(1, id)).get(0);
                }
            }
        });
    }

    @Override
    public Optional<FollowUp> find(long id) {
        return jdbc.read(c -> select(c, "SELECT * FROM follow_up WHERE id = ?", ps -> ps.setLong(1, id))
                .stream().findFirst());
    }

    @Override
    public List<FollowUp> ofIncident(long incidentNumber) {
        return jdbc.read(c -> select(c, "SELECT * FROM follow_up WHERE incident_number = ? ORDER BY id",
                ps -> ps.setLong(1, incidentNumber)));
    }

    @Override
    public List<FollowUp> open(Optional<String> owner, int limit) {
        return jdbc.read(c -> select(c, "SELECT * FROM follow_up WHERE state = 'OPEN'"
                + (owner.isPresent() ? " AND owner_id = ?" : "") + " ORDER BY due, id LIMIT ?", ps -> {
            int i = 1;
            if (owner.isPresent()) {
                ps.setString(i++, owner.get());
            }
            ps.setInt(i, limit);
        }));
    }

    @Override
    public List<FollowUp> all(Optional<String> owner, int limit) {
        return jdbc.read(c -> select(c, "SELECT * FROM follow_up" + (owner.isPresent() ? " WHERE owner_id = ?" : "")
                + " ORDER BY id DESC LIMIT ?", ps -> {
            int i = 1;
            if (owner.isPresent()) {
                ps.setString(i++, owner.get());
            }
            ps.setInt(i, limit);
        }));
    }

    @Override
    public Optional<FollowUp> update(FollowUp after) {
        return jdbc.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE follow_up SET version = version + 1, due = ?, state = ?, closed_by = ?, closed_why = ?,
                      closed_at = ?, next_remind_at = ?, reminders = ?, export_state = ?, export_key = ?,
                      export_url = ?, export_attempts = ?, export_next_at = ?, export_error = ?
                     WHERE id = ? AND version = ?""")) {
                ps.setObject(1, after.due());
                ps.setString(2, after.state().name());
                ps.setString(3, after.closedBy().map(b -> clip(b, 128)).orElse(null));
                ps.setString(4, after.closedWhy().map(w -> clip(w, 2000)).orElse(null));
                set(ps, 5, after.closedAt());
                set(ps, 6, after.state() == FollowUpState.OPEN ? after.nextRemindAt() : Optional.empty());
                ps.setInt(7, after.reminders());
                FollowUp.Export e = after.export();
                ps.setString(8, e.state().name());
                ps.setString(9, e.key().orElse(null));
                ps.setString(10, e.url().map(u -> clip(u, 2048)).orElse(null));
                ps.setInt(11, e.attempts());
                set(ps, 12, e.nextAt());
                ps.setString(13, e.lastError().map(m -> clip(m, 1000)).orElse(null));
                ps.setLong(14, after.id());
                ps.setLong(15, after.version());
                if (ps.executeUpdate() != 1) {
                    return Optional.<FollowUp>empty();
                }
            }
            return select(c, "SELECT * FROM follow_up WHERE id = ?", p -> p.setLong(1, after.id())).stream().findFirst();
        });
    }

    @Override
    public List<FollowUp> dueReminders(Instant now, int limit) {
        return jdbc.read(c -> select(c, "SELECT * FROM follow_up WHERE next_remind_at <= ? AND state = 'OPEN'"
                + " ORDER BY next_remind_at, id LIMIT ?", ps -> {
            set(ps, 1, Optional.of(now));
            ps.setInt(2, limit);
        }));
    }

    @Override
    public Optional<Instant> nextReminder() {
        return EarliestDue.of(dataSource, "SELECT MIN(next_remind_at) FROM follow_up WHERE state = 'OPEN'");
    }

    @Override
    public List<FollowUp> dueExports(Instant now, int limit) {
        return jdbc.read(c -> select(c, "SELECT * FROM follow_up WHERE export_next_at <= ? AND export_state = 'PENDING'"
                + " ORDER BY export_next_at, id LIMIT ?", ps -> {
            set(ps, 1, Optional.of(now));
            ps.setInt(2, limit);
        }));
    }

    @Override
    public Optional<Instant> nextExport() {
        return EarliestDue.of(dataSource,
                "SELECT MIN(export_next_at) FROM follow_up WHERE export_state = 'PENDING'");
    }

    @Override
    public Optional<FollowUp> byExportKey(String key) {
        return jdbc.read(c -> select(c, "SELECT * FROM follow_up WHERE export_key = ?", ps -> ps.setString(1, key))
                .stream().findFirst());
    }

    @Override
    public List<FollowUp> openExported(String prefix, long afterId, int limit) {
        return jdbc.read(c -> select(c, "SELECT * FROM follow_up WHERE state = 'OPEN' AND export_state = 'DONE'"
                + " AND export_key LIKE ? AND id > ? ORDER BY id LIMIT ?", ps -> {
            ps.setString(1, prefix.replace("%", "").replace("_", "\\_") + "%");
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
        }));
    }

    private static List<FollowUp> select(Connection c, String sql, Binder binder) throws SQLException {
        return JdbcWork.select(c, sql, binder, FollowUpRows::read);
    }
}
