package dev.flightdeck.persistence.metrics;

import dev.flightdeck.metrics.DeliveryRollupStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link DeliveryRollupStore} on delivery_pending and delivery_day (V27). One transaction per batch: claim the batch by
 * deleting it from the queue (a replica whose delete finds a row gone, another replica took it, skips it), add each
 * deploy to its service's day and to the all-services day ({@code service = ''}), rows locked in key order so two
 * replicas folding at once wait for each other rather than deadlock; a day row both insert first fails the later
 * transaction, whose batch stays queued for the next pass.
 */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcDeliveryRollup implements DeliveryRollupStore {

    static final String ALL = "";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    public JdbcDeliveryRollup(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    record Key(LocalDate day, String environment, String service) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = day.compareTo(o.day);
            c = c != 0 ? c : environment.compareTo(o.environment);
            return c != 0 ? c : service.compareTo(o.service);
        }
    }

    /** A day row's figures while they are added to. */
    static final class Cell {
        int succeeded;
        int failed;
        final TreeMap<Long, Integer> leadTimes = new TreeMap<>();
        final List<Long> successTimes = new ArrayList<>();
    }

    private record Finished(long id, String service, String environment, boolean succeeded, Instant requestedAt,
                            Instant finishedAt) {
    }

    @Override
    public boolean hasPending() {
        return transactions.executeRead(s -> jdbc.prepareStatement(
                "SELECT deploy_id FROM delivery_pending ORDER BY deploy_id LIMIT 1", ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                }));
    }

    @Override
    public int foldPending(int limit) {
        return transactions.executeWrite(status -> {
            List<Finished> batch = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            jdbc.prepareStatement("""
                    SELECT p.deploy_id, d.service, d.environment, d.state, d.requested_at, d.finished_at
                      FROM delivery_pending p LEFT JOIN deploy_request d ON d.id = p.deploy_id
                     ORDER BY p.deploy_id LIMIT ?""", ps -> {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        String state = rs.getString(4);
                        OffsetDateTime finished = rs.getObject(6, OffsetDateTime.class);
                        // Only a build's result is a change; anything else queued (none is) is just taken off the queue.
                        if (finished != null && ("SUCCEEDED".equals(state) || "FAILED".equals(state))) {
                            batch.add(new Finished(rs.getLong(1), rs.getString(2), rs.getString(3),
                                    "SUCCEEDED".equals(state), rs.getObject(5, OffsetDateTime.class).toInstant(),
                                    finished.toInstant()));
                        }
                    }
                }
                return null;
            });
            if (ids.isEmpty()) {
                return 0;
            }
            Set<Long> claimed = claim(ids);
            TreeMap<Key, Cell> added = new TreeMap<>();
            Set<String> services = new TreeSet<>();
            for (Finished f : batch) {
                if (!claimed.contains(f.id())) {
                    continue;
                }
                LocalDate day = LocalDate.ofInstant(f.finishedAt(), ZoneOffset.UTC);
                Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                services.add(f.service());
                for (String service : List.of(f.service(), ALL)) {
                    Cell c = added.computeIfAbsent(new Key(day, f.environment(), service), k -> new Cell());
                    if (f.succeeded()) {
                        c.succeeded++;
                        c.leadTimes.merge(ChronoUnit.MICROS.between(f.requestedAt(), f.finishedAt()), 1, Integer::sum);
                        if (!service.equals(ALL)) {
                            c.successTimes.add(ChronoUnit.MICROS.between(dayStart, f.finishedAt()));
                        }
                    } else {
                        c.failed++;
                    }
                }
            }
            if (!added.isEmpty()) {
                write(added, lockExisting(added));
                remember(services);
            }
            return claimed.size();
        });
    }

    /** Deletes the queued ids; those whose row was still there are this transaction's to fold. */
    private Set<Long> claim(List<Long> ids) {
        return jdbc.prepareStatement("DELETE FROM delivery_pending WHERE deploy_id = ?", ps -> {
            for (Long id : ids) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            Set<Long> mine = new TreeSet<>();
            for (int i = 0; i < counts.length; i++) {
                // SUCCESS_NO_INFO (-2) is never returned for a DELETE by H2 or PostgreSQL's driver; count it as taken.
                if (counts[i] == 1 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                    mine.add(ids.get(i));
                }
            }
            return mine;
        });
    }

    /** Reads and locks the rows already there for the batch's keys (a superset by day range, services, environments). */
    private Map<Key, Cell> lockExisting(TreeMap<Key, Cell> added) {
        Set<String> envs = new TreeSet<>();
        Set<String> services = new TreeSet<>();
        added.keySet().forEach(k -> {
            envs.add(k.environment());
            services.add(k.service());
        });
        String sql = "SELECT utc_day, environment, service, succeeded, failed, lead_times, success_times FROM delivery_day"
                + " WHERE utc_day >= ? AND utc_day <= ? AND environment IN (" + marks(envs.size()) + ") AND service IN ("
                + marks(services.size()) + ") ORDER BY utc_day, environment, service FOR UPDATE";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            ps.setObject(i++, added.firstKey().day());
            ps.setObject(i++, added.lastKey().day());
            for (String e : envs) {
                ps.setString(i++, e);
            }
            for (String s : services) {
                ps.setString(i++, s);
            }
            Map<Key, Cell> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Key k = new Key(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3));
                    if (added.containsKey(k)) {
                        Cell c = new Cell();
                        c.succeeded = rs.getInt(4);
                        c.failed = rs.getInt(5);
                        c.leadTimes.putAll(DeliveryDayCodec.leadTimeCounts(rs.getString(6)));
                        c.successTimes.addAll(DeliveryDayCodec.offsets(rs.getString(7)));
                        out.put(k, c);
                    }
                }
            }
            return out;
        });
    }

    private void write(TreeMap<Key, Cell> added, Map<Key, Cell> existing) {
        List<Key> updates = added.keySet().stream().filter(existing::containsKey).toList();
        List<Key> inserts = added.keySet().stream().filter(k -> !existing.containsKey(k)).toList();
        if (!updates.isEmpty()) {
            jdbc.prepareStatement("""
                    UPDATE delivery_day SET succeeded = ?, failed = ?, lead_times = ?, success_times = ?
                     WHERE utc_day = ? AND environment = ? AND service = ?""", ps -> {
                for (Key k : updates) {
                    Cell sum = existing.get(k);
                    Cell more = added.get(k);
                    sum.succeeded += more.succeeded;
                    sum.failed += more.failed;
                    more.leadTimes.forEach((v, n) -> sum.leadTimes.merge(v, n, Integer::sum));
                    sum.successTimes.addAll(more.successTimes);
                    bind(ps, 1, sum);
                    ps.setObject(5, k.day());
                    ps.setString(6, k.environment());
                    ps.setString(7, k.service());
                    ps.addBatch();
                }
                return ps.executeBatch();
            });
        }
        if (!inserts.isEmpty()) {
            jdbc.prepareStatement("""
                    INSERT INTO delivery_day (succeeded, failed, lead_times, success_times, utc_day, environment, service)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", ps -> {
                for (Key k : inserts) {
                    bind(ps, 1, added.get(k));
                    ps.setObject(5, k.day());
                    ps.setString(6, k.environment());
                    ps.setString(7, k.service());
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        // Another replica's fold made this day row after our read: ours would be lost. Roll back; the
                        // batch stays queued and the next pass adds to the row that is there now.
                        throw new IllegalStateException("delivery_day " + inserts.get(i) + " was made by another fold");
                    }
                }
                return counts;
            });
        }
    }

    private static void bind(PreparedStatement ps, int at, Cell c) throws SQLException {
        Collections.sort(c.successTimes);
        ps.setInt(at, c.succeeded);
        ps.setInt(at + 1, c.failed);
        ps.setString(at + 2, DeliveryDayCodec.leadTimesText(c.leadTimes));
        ps.setString(at + 3, DeliveryDayCodec.offsetsText(c.successTimes));
    }

    private void remember(Set<String> services) {
        jdbc.prepareStatement("INSERT INTO delivery_service (service) VALUES (?) ON CONFLICT DO NOTHING", ps -> {
            for (String s : services) {
                ps.setString(1, s);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
