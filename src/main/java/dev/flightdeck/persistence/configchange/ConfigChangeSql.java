package dev.flightdeck.persistence.configchange;

import dev.flightdeck.envconfig.change.ConfigChange;
import dev.flightdeck.persistence.JdbcWork;
import dev.flightdeck.persistence.JdbcWork.Binder;
import dev.flightdeck.persistence.JdbcWork.Work;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain-JDBC plumbing of {@link JdbcConfigChangeRepository}: each call in a transaction of its own (the waker
 * and the use cases call outside any), rows read with their approvers.
 */
final class ConfigChangeSql {

    private final JdbcWork jdbc;

    ConfigChangeSql(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = new JdbcWork(jdbc, transactions);
    }

    <T> T write(Work<T> work) {
        return jdbc.write(work);
    }

    <T> T read(Work<T> work) {
        return jdbc.read(work);
    }

    /** One statement; true when it changed exactly one row (a conditional update that won, an insert that happened). */
    boolean update(String sql, Binder binder) {
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate() == 1;
            }
        });
    }

    List<ConfigChange> select(Connection c, String sql, Binder binder) throws SQLException {
        return JdbcWork.select(c, sql, binder, rs -> ConfigChangeRows.read(rs, approvers(c, rs.getLong("id"))));
    }

    /** In the order they went: the last is the one whose go applied the change. */
    private static List<String> approvers(Connection c, long id) throws SQLException {
        List<String> approvers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT approver_id FROM config_change_approval WHERE change_id = ? ORDER BY id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    approvers.add(rs.getString(1));
                }
            }
        }
        return approvers;
    }
}
