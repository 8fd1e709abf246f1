package dev.flightdeck.slack.edge;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay check in memory for embedded H2: copies refused without the database, keys forgotten when they expire
 * (the caller's clock, no waiting), new keys written behind (retried after a failure), a previous run's keys read
 * back, and past the cap the database asked as on PostgreSQL.
 */
class EmbeddedSeenRequestsTest {

    final Instant t0 = Instant.parse("2026-12-07T18:00:00Z");
    final Instant expires = t0.plus(ReplayGuard.KEEP);

    /** The two tables: rows as a map, batches as a list; {@code failWrites} fails that many write-behind batches first. */
    static final class FakeTable implements EmbeddedSeenRequests.Table {
        final Map<String, Instant> rows = Collections.synchronizedMap(new HashMap<>());
        final Map<byte[], Instant> batches = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
        final AtomicInteger checks = new AtomicInteger();
        final AtomicInteger failWrites = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public boolean firstTime(String key, Instant expiresAt, Instant now) {
            checks.incrementAndGet();
            return rows.putIfAbsent(key, expiresAt) == null;
        }

        @Override
        public void recordBatch(Instant lastExpiry, byte[] fingerprints) {
            writes.incrementAndGet();
            if (failWrites.getAndDecrement() > 0) {
                throw new IllegalStateException("database down");
            }
            batches.put(fingerprints, lastExpiry);
        }

        @Override
        public List<byte[]> unexpiredBatches(Instant now) {
            List<byte[]> out = new ArrayList<>();
            batches.forEach((b, e) -> {
                if (e.isAfter(now)) {
                    out.add(b);
                }
            });
            return out;
        }

        int keysWritten() {
            return batches.keySet().stream().mapToInt(b -> b.length / 16).sum();
        }

        @Override
        public List<SeenKey> unexpired(Instant now) {
            List<SeenKey> keys = new ArrayList<>();
            rows.forEach((k, e) -> {
                if (e.isAfter(now)) {
                    keys.add(new SeenKey(k, e));
                }
            });
            return keys;
        }

        @Override
        public void purge(Instant now) {
            rows.values().removeIf(e -> !e.isAfter(now));
            batches.values().removeIf(e -> !e.isAfter(now));
        }
    }

    final FakeTable table = new FakeTable();

    @Test
    void aCopyIsRefusedFromMemoryAndTheDatabaseIsNotAskedButLearnsOfTheKey() {
        try (EmbeddedSeenRequests seen = new EmbeddedSeenRequests(table)) {
            assertThat(seen.firstTime("k1", expires, t0)).isTrue();
            assertThat(seen.firstTime("k1", expires, t0.plusSeconds(1))).as("a copy").isFalse();
            assertThat(seen.firstTime("k2", expires, t0.plusSeconds(1))).isTrue();
            assertThat(table.checks).as("no check in the database").hasValue(0);
        }
        assertThat(table.keysWritten()).as("written behind, at the latest on close").isEqualTo(2);
        try (EmbeddedSeenRequests restarted = new EmbeddedSeenRequests(table)) {
            assertThat(restarted.firstTime("k2", expires, t0.plusSeconds(2))).as("k2's copy after a restart").isFalse();
            assertThat(restarted.firstTime("k1", expires, t0.plusSeconds(2))).as("k1's copy after a restart").isFalse();
            assertThat(restarted.firstTime("k3", expires, t0.plusSeconds(2))).isTrue();
        }
    }

    @Test
    void anExpiredKeyIsForgottenAndItsMemoryFreed() {
        try (EmbeddedSeenRequests seen = new EmbeddedSeenRequests(table)) {
            seen.firstTime("k1", expires, t0);
            seen.firstTime("k2", expires.plusSeconds(30), t0);
            assertThat(seen.firstTime("k1", expires, expires.minusSeconds(1))).as("a second before expiry").isFalse();
            assertThat(seen.held()).isEqualTo(2);

            assertThat(seen.firstTime("k3", expires.plusSeconds(60), expires)).isTrue();
            assertThat(seen.held()).as("k1's second dropped, k2 and k3 kept").isEqualTo(2);
            assertThat(seen.firstTime("k2", expires.plusSeconds(30), expires)).as("k2 still within its window").isFalse();
        }
    }

    @Test
    void keysCheckedRowByRowAreReadBackAndRefusedUntilTheyExpire() {
        table.rows.put("old", expires); // past the cap, or by a version before the batches
        table.rows.put("older", t0.minusSeconds(1));
        try (EmbeddedSeenRequests seen = new EmbeddedSeenRequests(table)) {
            assertThat(seen.firstTime("old", expires, t0)).as("seen before the restart").isFalse();
            assertThat(seen.held()).as("only the unexpired key read back").isEqualTo(1);
            Instant later = expires.plusSeconds(1);
            assertThat(seen.firstTime("old", later.plus(ReplayGuard.KEEP), later)).as("after its window").isTrue();
        }
    }

    @Test
    void aFailedWriteIsRetriedWithItsKeys() throws InterruptedException {
        table.failWrites.set(1);
        try (EmbeddedSeenRequests seen = new EmbeddedSeenRequests(table)) {
            seen.firstTime("k1", expires, t0);
            // The writer's first batch fails; the retry after the backoff (0.4 s) writes it. Waits for that, not a time.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (table.keysWritten() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(table.keysWritten()).isEqualTo(1);
            assertThat(table.writes.get()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void pastTheCapNewKeysAreCheckedInTheDatabase() {
        try (EmbeddedSeenRequests seen = new EmbeddedSeenRequests(table, 2)) {
            assertThat(seen.firstTime("k1", expires, t0)).isTrue();
            assertThat(seen.firstTime("k2", expires, t0)).isTrue();
            assertThat(seen.firstTime("k3", expires, t0)).as("past the cap: the database says").isTrue();
            assertThat(table.checks).hasValue(1);
            assertThat(seen.firstTime("k3", expires, t0)).as("its copy, refused by the database").isFalse();
            assertThat(seen.firstTime("k1", expires, t0)).as("a held key's copy, still refused in memory").isFalse();
            assertThat(seen.held()).isEqualTo(2);
        }
    }

    @Test
    void onlyAnEmbeddedH2DatabaseIsCheckedInMemory() {
        assertThat(SeenRequestsFactory.thisProcessAlone("jdbc:h2:file:./data/flightdeck;MODE=PostgreSQL")).isTrue();
        assertThat(SeenRequestsFactory.thisProcessAlone("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isTrue();
        assertThat(SeenRequestsFactory.thisProcessAlone("jdbc:h2:file:./d;AUTO_SERVER=TRUE")).as("shared file").isFalse();
        assertThat(SeenRequestsFactory.thisProcessAlone("jdbc:h2:tcp://db:9092/flightdeck")).as("H2 server").isFalse();
        assertThat(SeenRequestsFactory.thisProcessAlone("jdbc:postgresql://db:5432/flightdeck")).isFalse();
        assertThat(SeenRequestsFactory.thisProcessAlone("")).isFalse();
    }
}
