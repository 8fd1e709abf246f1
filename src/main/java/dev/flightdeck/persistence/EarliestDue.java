package dev.flightdeck.persistence;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The one-row question a scheduler asks on every look ("when is my next item due?", see {@code wake.Waker}): a SELECT
 * of one or more timestamp columns (MINs over indexed columns), answered as the earliest of them, empty when all are
 * NULL. On a connection of its own (autocommit): the waker asks outside any transaction.
 */
public final class EarliestDue {

    private EarliestDue() {
    }

    public static Optional<Instant> of(DataSource dataSource, String sql) {
        // The pool itself, not Micronaut's transaction-aware proxy (which wants a connection already open).
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            Instant earliest = null;
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                    if (t != null && (earliest == null || t.toInstant().isBefore(earliest))) {
                        earliest = t.toInstant();
                    }
                }
            }
            return Optional.ofNullable(earliest);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the next due time failed: " + e.getMessage(), e);
        }
    }
}
