package dev.flightdeck.persistence.slots;

import dev.flightdeck.deploy.slots.SlotClaim;
import dev.flightdeck.deploy.slots.SlotClaimStore;
import dev.flightdeck.deploy.slots.SlotExpiry;
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
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * {@link SlotClaimStore} on H2 or PostgreSQL, in plain JDBC, each call in a transaction of its own. A new claim is
 * {@code INSERT … ON CONFLICT DO NOTHING}: the unique holder key of a slot and the unique active key of a person in a
 * pool make a second replica's (or a double click's) insert a no-op. Every change is
 * {@code UPDATE … WHERE id = ? AND version = ?}; a grant whose slot another writer has just taken violates the holder
 * key and counts as lost.
 */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcSlotClaimStore implements SlotClaimStore {

    private final JdbcWork jdbc;
    private final Wakeups wakeups;

    public JdbcSlotClaimStore(JdbcOperations jdbc, TransactionOperations<Connection> transactions, Wakeups wakeups) {
        this.jdbc = new JdbcWork(jdbc, transactions);
        this.wakeups = wakeups;
    }

    @Override
    public Optional<SlotClaim> find(long id) {
        return one("SELECT * FROM slot_claim WHERE id = ?", ps -> ps.setLong(1, id));
    }

    @Override
    public Optional<SlotClaim> holding(String slot) {
        return one("SELECT * FROM slot_claim WHERE held_key = ?", ps -> ps.setString(1, slot));
    }

    @Override
    public Optional<SlotClaim> active(String pool, String userId) {
        return one("SELECT * FROM slot_claim WHERE active_key = ?", ps -> ps.setString(1, pool + ":" + userId));
    }

    @Override
    public List<SlotClaim> held() {
        return jdbc.read(c -> select(c, "SELECT * FROM slot_claim WHERE held_key IS NOT NULL ORDER BY id", ps -> { }));
    }

    @Override
    public List<SlotClaim> queued(String pool) {
        return jdbc.read(c -> select(c, "SELECT * FROM slot_claim WHERE pool = ? AND state = 'QUEUED' ORDER BY id",
                ps -> ps.setString(1, pool)));
    }

    @Override
    public Optional<SlotClaim> insert(SlotClaim claim) {
        Optional<SlotClaim> stored = jdbc.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO slot_claim (version, " + SlotClaimRows.COLUMNS
                    + ") VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    Statement.RETURN_GENERATED_KEYS)) {
                SlotClaimRows.bind(ps, 1, claim);
                if (ps.executeUpdate() != 1) {
                    return Optional.empty();
                }
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    long id = keys.getLong(1);
                    return select(c, "SELECT * FROM slot_claim WHERE id = ?", p -> p.setLong(1, id)).stream().findFirst();
                }
            }
        });
        stored.ifPresent(this::wake);
        return stored;
    }

    @Override
    public Optional<SlotClaim> update(SlotClaim before, SlotClaim after) {
        Optional<SlotClaim> stored;
        try {
            stored = jdbc.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE slot_claim SET version = version + 1, "
                        + SlotClaimRows.COLUMNS.replace(",", " = ?,") + " = ? WHERE id = ? AND version = ?")) {
                    int i = SlotClaimRows.bind(ps, 1, after);
                    ps.setLong(i++, before.id());
                    ps.setLong(i, before.version());
                    if (ps.executeUpdate() != 1) {
                        return Optional.empty();
                    }
                }
                return select(c, "SELECT * FROM slot_claim WHERE id = ?", p -> p.setLong(1, before.id())).stream()
                        .findFirst();
            });
        } catch (RuntimeException e) {
            if (!uniqueViolation(e)) {
                throw e;
            }
            return Optional.empty(); // the slot (or the person's one claim in the pool) was taken meanwhile
        }
        stored.ifPresent(this::wake);
        return stored;
    }

    @Override
    public Optional<Instant> nextDue() {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(due_at) FROM slot_claim");
                 ResultSet rs = ps.executeQuery()) {
                OffsetDateTime t = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
                return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
            }
        });
    }

    @Override
    public List<SlotClaim> due(Instant now, int limit) {
        return jdbc.read(c -> select(c, "SELECT * FROM slot_claim WHERE due_at <= ? ORDER BY due_at, id LIMIT " + limit,
                ps -> ps.setObject(1, OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))));
    }

    private void wake(SlotClaim claim) {
        claim.dueAt().ifPresent(at -> wakeups.dueBy(SlotExpiry.TOPIC, at));
    }

    /** SQLState 23505 on both databases: a unique key refused the write. */
    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private Optional<SlotClaim> one(String sql, Binder binder) {
        return jdbc.read(c -> select(c, sql, binder).stream().findFirst());
    }

    private static List<SlotClaim> select(Connection c, String sql, Binder binder) throws SQLException {
        return JdbcWork.select(c, sql, binder, SlotClaimRows::read);
    }
}
