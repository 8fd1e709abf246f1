package dev.flightdeck.persistence.slots;

import dev.flightdeck.deploy.slots.SlotClaim;
import dev.flightdeck.deploy.slots.SlotClaimState;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Rows of {@code slot_claim} to claims and back; the unique keys a claim's state implies. */
final class SlotClaimRows {

    /** Every column a write sets, in order, after the version. */
    static final String COLUMNS = "pool, slot, asked_slot, user_id, purpose, hold_seconds, state, queued_at, held_since,"
            + " expires_at, warned, due_at, ended_at, ended_by, held_key, active_key";

    private SlotClaimRows() {
    }

    /** Binds the claim's columns from {@code index} on, in {@link #COLUMNS} order; the next free index. */
    static int bind(PreparedStatement ps, int index, SlotClaim c) throws SQLException {
        int i = index;
        ps.setString(i++, c.pool());
        ps.setString(i++, c.slot());
        ps.setString(i++, c.asked());
        ps.setString(i++, c.userId());
        ps.setString(i++, c.purpose());
        ps.setLong(i++, c.hold().toSeconds());
        ps.setString(i++, c.state().name());
        set(ps, i++, c.queuedAt());
        set(ps, i++, c.heldSince());
        set(ps, i++, c.expiresAt());
        ps.setBoolean(i++, c.warned());
        set(ps, i++, c.dueAt().orElse(null));
        set(ps, i++, c.endedAt());
        ps.setString(i++, c.endedBy());
        ps.setString(i++, c.state() == SlotClaimState.HELD ? c.slot() : null);
        ps.setString(i++, c.state().active() ? c.pool() + ":" + c.userId() : null);
        return i;
    }

    static SlotClaim read(ResultSet rs) throws SQLException {
        return new SlotClaim(rs.getLong("id"), rs.getLong("version"), rs.getString("pool"), rs.getString("slot"),
                rs.getString("asked_slot"), rs.getString("user_id"), rs.getString("purpose"),
                Duration.ofSeconds(rs.getLong("hold_seconds")), SlotClaimState.valueOf(rs.getString("state")),
                instant(rs, "queued_at"), instant(rs, "held_since"), instant(rs, "expires_at"), rs.getBoolean("warned"),
                instant(rs, "ended_at"), rs.getString("ended_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** PostgreSQL keeps microseconds: truncated on the way in, so what is written is what is read. */
    private static void set(PreparedStatement ps, int index, Instant at) throws SQLException {
        ps.setObject(index, at == null ? null
                : OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }
}
