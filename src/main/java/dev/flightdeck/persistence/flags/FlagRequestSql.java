package dev.flightdeck.persistence.flags;

import dev.flightdeck.deploy.flags.FlagRequest;
import dev.flightdeck.deploy.flags.FlagState;
import dev.flightdeck.persistence.JdbcWork;
import dev.flightdeck.persistence.JdbcWork.Binder;
import dev.flightdeck.persistence.JdbcWork.Work;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;

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
 * The plain-JDBC plumbing of {@link JdbcFlagRepository}: each call in a transaction of its own, rows read with their
 * approvers, instants bound at microseconds (what PostgreSQL keeps), so what is written is what is compared.
 */
final class FlagRequestSql {

    private final JdbcWork jdbc;

    FlagRequestSql(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = new JdbcWork(jdbc, transactions);
    }

    <T> T write(Work<T> work) {
        return jdbc.write(work);
    }

    <T> T read(Work<T> work) {
        return jdbc.read(work);
    }

    boolean update(String sql, Binder binder) {
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate() == 1;
            }
        });
    }

    List<FlagRequest> select(String sql, Binder binder) {
        return read(c -> select(c, sql, binder));
    }

    List<FlagRequest> select(Connection c, String sql, Binder binder) throws SQLException {
        return JdbcWork.select(c, sql, binder, rs -> row(rs, approvers(c, rs.getLong("id"))));
    }

    private static FlagRequest row(ResultSet rs, List<String> approvedBy) throws SQLException {
        long incident = rs.getLong("kill_switch_incident");
        Optional<Long> killSwitch = rs.wasNull() ? Optional.empty() : Optional.of(incident);
        String channel = rs.getString("channel_id");
        return new FlagRequest(rs.getLong("id"), rs.getString("flag_key"), rs.getString("environment"),
                rs.getString("provider_environment"), rs.getBoolean("turn_on"), rs.getString("requester_id"),
                FlagState.valueOf(rs.getString("state")), approvedBy, killSwitch,
                new FlagRequest.Timers(instant(rs, "requested_at"), instant(rs, "next_nudge_at"), rs.getInt("nudges"),
                        instant(rs, "expires_at"), instant(rs, "finished_at")),
                channel == null ? Optional.empty() : Optional.of(new FlagRequest.Message(channel, rs.getString("message_ts"))),
                Optional.ofNullable(rs.getString("outcome")));
    }

    /** In the order they went: the last is the one whose go applied the flip. */
    private static List<String> approvers(Connection c, long id) throws SQLException {
        List<String> approvers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT approver_id FROM flag_request_approval WHERE request_id = ? ORDER BY id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    approvers.add(rs.getString(1));
                }
            }
        }
        return approvers;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void set(PreparedStatement ps, int index, Instant at) throws SQLException {
        ps.setObject(index, at == null ? null : OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }
}
