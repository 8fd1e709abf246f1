package dev.flightdeck.persistence;

import dev.flightdeck.ready.DatabaseReady;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The pool, with every connection held back until the schema is migrated ({@link DatabaseReady}): a caller that comes
 * before waits at most {@code maxWait} (as for a busy pool), then gets an {@link SQLException} saying the database is
 * still being migrated, or that its migration failed. Once ready it costs one volatile read.
 */
final class GatedDataSource implements DataSource {

    private final DataSource pool;
    private final DatabaseReady ready;
    private final Duration maxWait;

    GatedDataSource(DataSource pool, DatabaseReady ready, Duration maxWait) {
        this.pool = pool;
        this.ready = ready;
        this.maxWait = maxWait;
    }

    private void awaitSchema() throws SQLException {
        try {
            ready.await(maxWait);
        } catch (DatabaseReady.NotReady e) {
            throw new SQLException(e.getMessage(), "08001", e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        awaitSchema();
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        awaitSchema();
        return pool.getConnection(username, password);
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    /** The pool behind the gate (Hikari's pool metrics and the like). */
    DataSource pool() {
        return pool;
    }
}
