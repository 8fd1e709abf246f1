package dev.flightdeck.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain-JDBC plumbing the stores share: a piece of work on a connection run in a write or read transaction of
 * its own ({@link #write}, {@link #read}), and a statement's rows read one by one ({@link #select}).
 */
public final class JdbcWork {

    /** Work on the connection of the current transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Reads the current row of a result set. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    public JdbcWork(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public <T> T write(Work<T> work) {
        return transactions.executeWrite(status -> jdbc.execute(work::run));
    }

    public <T> T read(Work<T> work) {
        return transactions.executeRead(status -> jdbc.execute(work::run));
    }

    /** Prepares {@code sql}, binds it and reads every row it returns, in order. */
    public static <T> List<T> select(Connection c, String sql, Binder binder, RowReader<T> reader) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
        }
        return out;
    }
}
