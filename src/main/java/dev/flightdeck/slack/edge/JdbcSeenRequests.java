package dev.flightdeck.slack.edge;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link SeenRequests} in the table slack_request_seen: an insert per request that does nothing when the key is
 * there, requests arriving together written in one transaction ({@link GroupCommit}), a purge at most once a minute.
 * It lives in the Slack edge, not in persistence/: replayed signatures are a concern of Slack's request signing that
 * no domain rule knows of, so the edge keeps its own table (through the shared DataSource) rather than have a
 * persistence adapter import the Slack adapter. With the embedded H2 it is the store behind the keys kept in memory
 * ({@link EmbeddedSeenRequests}; {@link SeenRequestsFactory} chooses).
 */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcSeenRequests implements SeenRequests, EmbeddedSeenRequests.Table {

    static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    /** Acks run on a fixed pool of a few threads; a batch never waits to fill, it takes whatever is queued. */
    private static final int MAX_BATCH = 128;
    private static final String INSERT =
            "INSERT INTO slack_request_seen (signature_hash, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final GroupCommit<SeenKey, Boolean> inserts = new GroupCommit<>(this::insertAll, MAX_BATCH);
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.EPOCH);

    public JdbcSeenRequests(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public boolean firstTime(String key, Instant expiresAt, Instant now) {
        Instant due = nextPurge.get();
        // One request per minute on this replica does the purge; the others do not wait for it.
        if (!now.isBefore(due) && nextPurge.compareAndSet(due, now.plus(PURGE_EVERY))) {
            purge(now);
        }
        return inserts.submit(new SeenKey(key, expiresAt));
    }

    @Override
    public void purge(Instant now) {
        write(c -> {
            for (String table : List.of("slack_request_seen", "slack_request_seen_batch")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE expires_at < ?")) {
                    ps.setObject(1, utc(now));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void recordBatch(Instant lastExpiry, byte[] fingerprints) {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO slack_request_seen_batch (expires_at, fingerprints) VALUES (?, ?)")) {
                ps.setObject(1, utc(lastExpiry));
                ps.setBytes(2, fingerprints);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<byte[]> unexpiredBatches(Instant now) {
        return read("SELECT fingerprints FROM slack_request_seen_batch WHERE expires_at > ?", now, rs -> rs.getBytes(1));
    }

    @Override
    public List<SeenKey> unexpired(Instant now) {
        return read("SELECT signature_hash, expires_at FROM slack_request_seen WHERE expires_at > ?", now,
                rs -> new SeenKey(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()));
    }

    private <T> List<T> read(String sql, Instant now, SqlRow<T> row) {
        return transactions.executeRead(status -> jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, utc(now));
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row.map(rs));
                    }
                }
                return rows;
            }
        }));
    }

    /**
     * One transaction for the batch, each insert's count telling whether its key was new. The inserts run in key order,
     * so two replicas' batches that share keys (one request sent to both) take their locks in the same order and
     * cannot deadlock; a key twice in one batch (the same request sent twice at once) is new for the first only.
     */
    private List<Boolean> insertAll(List<SeenKey> keys) {
        Integer[] order = new Integer[keys.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(i -> keys.get(i).hash()));
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (int i : order) {
                    ps.setString(1, keys.get(i).hash());
                    ps.setObject(2, utc(keys.get(i).expiresAt()));
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                Boolean[] firsts = new Boolean[keys.size()];
                for (int j = 0; j < counts.length; j++) {
                    if (counts[j] == Statement.SUCCESS_NO_INFO) {
                        throw new SQLException("the driver did not say which keys were new");
                    }
                    firsts[order[j]] = counts[j] == 1;
                }
                return Arrays.asList(firsts);
            }
        });
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private <T> T write(SqlWork<T> work) {
        return transactions.executeWrite(status -> jdbc.execute(c -> work.run(c)));
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlRow<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
