package dev.flightdeck.persistence.deploy;

import dev.flightdeck.deploy.release.ReleaseLog;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link ReleaseLog} in the table release_request. The insert is {@code ON CONFLICT DO NOTHING}: a second delivery's
 * insert waits for the first one's transaction and then writes nothing (no error that would abort a PostgreSQL
 * transaction half-way), and the caller is told so and rolls its request back.
 */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcReleaseLog implements ReleaseLog {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public JdbcReleaseLog(JdbcOperations jdbc, TransactionOperations<Connection> transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<Long> requestFor(String repository, long releaseId, String service) {
        return transactions.executeRead(status -> jdbc.prepareStatement("""
                SELECT request_id FROM release_request WHERE repository = ? AND release_id = ? AND service = ?""", ps -> {
            ps.setString(1, key(repository));
            ps.setLong(2, releaseId);
            ps.setString(3, service);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        }));
    }

    @Override
    public void record(String repository, long releaseId, String service, String tag, long requestId) {
        // Joins the caller's transaction (the one storing the request) when there is one.
        int inserted;
        try {
            inserted = insert(repository, releaseId, service, tag, requestId);
        } catch (RuntimeException e) {
            // H2 may refuse a key another open transaction holds rather than wait for it: the same race, lost.
            if (uniqueViolation(e)) {
                throw new AlreadyRecorded(repository, releaseId, service);
            }
            throw e;
        }
        if (inserted == 0) {
            throw new AlreadyRecorded(repository, releaseId, service);
        }
    }

    private int insert(String repository, long releaseId, String service, String tag, long requestId) {
        return transactions.executeWrite(status -> jdbc.prepareStatement("""
                INSERT INTO release_request (repository, release_id, service, tag, request_id, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", ps -> {
            ps.setString(1, key(repository));
            ps.setLong(2, releaseId);
            ps.setString(3, service);
            ps.setString(4, tag);
            ps.setLong(5, requestId);
            ps.setTimestamp(6, Timestamp.from(clock.instant()));
            return ps.executeUpdate();
        }));
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void forget(String repository, long releaseId, String service, long requestId) {
        transactions.executeWrite(status -> jdbc.prepareStatement("""
                DELETE FROM release_request WHERE repository = ? AND release_id = ? AND service = ? AND request_id = ?""", ps -> {
            ps.setString(1, key(repository));
            ps.setLong(2, releaseId);
            ps.setString(3, service);
            ps.setLong(4, requestId);
            return ps.executeUpdate();
        }));
    }

    private static String key(String repository) {
        return repository.toLowerCase(Locale.ROOT);
    }
}
