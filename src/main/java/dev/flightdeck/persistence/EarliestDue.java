package dev.flightdeck.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The one-row question a scheduler asks on every look ("when is my next item due?", see {@code wake.Waker}): a SELECT
 * of one or more timestamp columns (MINs over indexed columns), answered as the earliest of them, empty when all are
 * NULL.
 */
public final class EarliestDue {

    private EarliestDue() {
    }

    public static Optional<Instant> of(JdbcOperations jdbc, String sql) {
        return jdbc.prepareStatement(sql, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
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
            }
        });
    }
}
