package dev.flightdeck.slack.api.outbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link OutboxStore} in table slack_outbox, in plain JDBC: the claim is one conditional UPDATE with a NOT EXISTS over
 * the same table, which reads more plainly as SQL than as a generated query. Each call is its own short transaction
 * (autocommit) on a connection of its own, so the worker never holds a connection while Slack answers.
 * It lives with the outbox, not in persistence/: an entry is a rendered Slack message with a Slack method, channel
 * and thread, so the outbox is how the Slack adapter delivers, not something the domain promises; the domain only
 * calls its announcer ports. Keeping the table here spares persistence an import of the Slack adapter.
 */
@Singleton
@Requires(beans = DataSource.class)
public class JdbcOutboxStore implements OutboxStore {

    private static final String PENDING_AND_DUE = "state = 'PENDING' AND next_attempt_at <= ? "
            + "AND (claimed_until IS NULL OR claimed_until <= ?)";
    private static final String NO_OLDER_PENDING = "NOT EXISTS (SELECT 1 FROM slack_outbox e WHERE e.ordering_key = "
            + "o.ordering_key AND e.state = 'PENDING' AND e.id < o.id)";

    private final DataSource dataSource;

    public JdbcOutboxStore(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    public OutboxEntry enqueue(OutboxEntry.New e) {
        update("""
                INSERT INTO slack_outbox (message_key, ordering_key, method, channel, thread_ts, parent_key, payload,
                       on_sent, state, attempts, created_at, next_attempt_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?) ON CONFLICT DO NOTHING""",
                e.messageKey(), e.orderingKey(), e.method().name(), e.channel(), e.threadTs(), e.parentKey(),
                e.payload(), e.onSent(), e.createdAt(), e.createdAt(), e.expiresAt());
        return findByKey(e.messageKey()).orElseThrow(() -> new IllegalStateException("outbox entry vanished: " + e.messageKey()));
    }

    @Override
    public Optional<OutboxEntry> find(long id) {
        return query("SELECT * FROM slack_outbox WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public Optional<OutboxEntry> findByKey(String messageKey) {
        return query("SELECT * FROM slack_outbox WHERE message_key = ?", messageKey).stream().findFirst();
    }

    @Override
    public List<OutboxEntry> dueHeads(Instant now, int limit) {
        return query("SELECT * FROM slack_outbox o WHERE " + PENDING_AND_DUE + " AND " + NO_OLDER_PENDING
                + " ORDER BY o.id LIMIT ?", now, now, limit);
    }

    @Override
    public Optional<OutboxEntry> dueHead(String orderingKey, Instant now) {
        return query("SELECT * FROM slack_outbox o WHERE o.ordering_key = ? AND " + PENDING_AND_DUE + " AND "
                + NO_OLDER_PENDING + " ORDER BY o.id LIMIT 1", orderingKey, now, now).stream().findFirst();
    }

    @Override
    public boolean claim(OutboxEntry entry, Instant now, Instant until, String token) {
        return update("UPDATE slack_outbox o SET claimed_until = ?, claim_token = ? WHERE o.id = ? AND "
                + PENDING_AND_DUE + " AND " + NO_OLDER_PENDING, until, token, entry.id(), now, now) == 1;
    }

    @Override
    public boolean markSent(long id, String token, Instant at, String channel, String ts) {
        return update("""
                UPDATE slack_outbox SET state = 'SENT', attempts = attempts + 1, finished_at = ?, sent_channel = ?,
                       sent_ts = ?, claimed_until = NULL, last_error = NULL
                 WHERE id = ? AND claim_token = ? AND state = 'PENDING'""", at, channel, ts, id, token) == 1;
    }

    @Override
    public boolean retryLater(long id, String token, Instant next, boolean countAttempt, String error) {
        return update("""
                UPDATE slack_outbox SET attempts = attempts + ?, next_attempt_at = ?, last_error = ?, claimed_until = NULL
                 WHERE id = ? AND claim_token = ? AND state = 'PENDING'""", countAttempt ? 1 : 0, next, cap(error), id,
                token) == 1;
    }

    @Override
    public boolean giveUp(long id, String token, OutboxEntry.State state, Instant at, String error) {
        return update("""
                UPDATE slack_outbox SET state = ?, attempts = attempts + 1, finished_at = ?, last_error = ?,
                       claimed_until = NULL
                 WHERE id = ? AND claim_token = ? AND state = 'PENDING'""", state.name(), at, cap(error), id, token) == 1;
    }

    @Override
    public Optional<Instant> nextDue() {
        // The heads only (an entry behind an older pending one waits for it); slack_outbox_pending serves both parts.
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT MIN(CASE WHEN o.claimed_until > o.next_attempt_at "
                     + "THEN o.claimed_until ELSE o.next_attempt_at END) FROM slack_outbox o WHERE o.state = 'PENDING' AND "
                     + NO_OLDER_PENDING);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the outbox's next due time failed", e);
        }
    }

    @Override
    public Backlog backlog() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT COUNT(*), MIN(created_at) FROM slack_outbox WHERE state = 'PENDING'");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
            return new Backlog(rs.getLong(1), Optional.ofNullable(oldest).map(OffsetDateTime::toInstant));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the outbox backlog failed", e);
        }
    }

    @Override
    public List<OutboxEntry> givenUpSince(Instant since, int limit) {
        return query("SELECT * FROM slack_outbox WHERE state IN ('FAILED', 'EXPIRED') AND finished_at >= ? "
                + "ORDER BY finished_at DESC, id DESC LIMIT ?", since, limit);
    }

    private static String cap(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox write failed: " + e.getMessage(), e);
        }
    }

    private List<OutboxEntry> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                List<OutboxEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox read failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant at) {
                // PostgreSQL keeps microseconds: store what we compare with later.
                s.setObject(i + 1, OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
            } else if (a == null) {
                s.setNull(i + 1, java.sql.Types.VARCHAR);
            } else {
                s.setObject(i + 1, a);
            }
        }
    }

    private static OutboxEntry row(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getLong("id"), rs.getString("message_key"), rs.getString("ordering_key"),
                OutboxEntry.Method.valueOf(rs.getString("method")), rs.getString("channel"), rs.getString("thread_ts"),
                rs.getString("parent_key"), rs.getString("payload"), rs.getString("on_sent"),
                OutboxEntry.State.valueOf(rs.getString("state")), rs.getInt("attempts"), instant(rs, "created_at"),
                instant(rs, "next_attempt_at"), instant(rs, "expires_at"), rs.getString("sent_channel"),
                rs.getString("sent_ts"), rs.getString("last_error"), instant(rs, "claimed_until"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
