package dev.flightdeck.slack.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link SeenRequests} for the embedded H2 database, where this process is the only one by construction (H2 locks
 * its file to one JVM): the check is answered from memory ({@link SeenKeys}) and the new keys are written behind, off
 * the ack's thread, as one row of slack_request_seen_batch per {@link #WRITE_DELAY} (their fingerprints, 16 bytes a
 * key). At start the keys not yet expired are read back (and slack_request_seen's rows, written past the cap or by an
 * older version), so a copy of a request seen before a restart is still refused within its window. Inserting each key
 * as a row before its ack was a third of an ack's CPU (docs/PERFORMANCE.md, round 7); as a row each behind the ack,
 * still a quarter of the process's CPU (docs/performance/round8-replay.md).
 *
 * <p>What a crash loses: the keys of the last {@link #WRITE_DELAY} (plus a write in progress), whose copies a
 * restarted process would let in if they came within their window. Acceptable because H2 itself already loses about
 * as much: its store writes committed changes to the file in the background at most a second later (MVStore's
 * auto-commit delay), so a key committed before its ack was no safer against a crash of the process or the machine.
 * A shutdown writes what is pending. A failed write is retried with backoff while its keys are unexpired.
 *
 * <p>Memory: 11–21 bytes a key for the window (6 minutes): 60 requests a second hold about 0.5 MB, the bench's
 * 10,000 a second sustained for the whole window would need 45–80 MB. Past {@link #MAX_KEYS} (about 16 MB), new
 * keys are checked in the database as on PostgreSQL, so the heap stays bounded.
 */
final class EmbeddedSeenRequests implements SeenRequestsFactory.Store {

    /** The database behind the memory: {@link JdbcSeenRequests}. */
    interface Table extends SeenRequests {
        /** One row: {@code fingerprints} packed as (expiry epoch second, fingerprint) pairs of longs. */
        void recordBatch(Instant lastExpiry, byte[] fingerprints);

        List<byte[]> unexpiredBatches(Instant now);

        /** Keys checked row by row (past the cap, or by an older version). */
        List<SeenKey> unexpired(Instant now);

        void purge(Instant now);
    }

    /** A key to write: its expiry (epoch second) and fingerprint. */
    private record Written(long expiresAtSecond, long fingerprint) {
    }

    static final long MAX_KEYS = 1_000_000;
    static final Duration WRITE_DELAY = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int WRITE_BATCH = 8_192;
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSeenRequests.class);

    private final Table table;
    private final SeenKeys keys;
    private final ConcurrentLinkedQueue<Written> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor writer;
    private volatile boolean loaded;
    private volatile Instant lastNow = Instant.EPOCH;
    private Instant nextPurge = Instant.EPOCH;
    private Duration backoff = WRITE_DELAY;
    /** After a failed write, no write before this (System.nanoTime), however many keys come meanwhile. */
    private volatile long retryAt;

    EmbeddedSeenRequests(Table table) {
        this(table, MAX_KEYS);
    }

    EmbeddedSeenRequests(Table table, long maxKeys) {
        this.table = table;
        this.keys = new SeenKeys(maxKeys);
        AtomicInteger n = new AtomicInteger();
        writer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "replay-write-behind-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // No thread while nothing is to be written (idle costs nothing).
        writer.setKeepAliveTime(30, TimeUnit.SECONDS);
        writer.allowCoreThreadTimeOut(true);
        writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public boolean firstTime(String key, Instant expiresAt, Instant now) {
        if (!loaded) {
            load(now);
        }
        lastNow = now;
        long expiresAtSecond = roundedUp(expiresAt);
        long fingerprint = SeenKeys.fingerprint(key);
        return switch (keys.firstTime(fingerprint, expiresAtSecond, now.getEpochSecond())) {
            case FIRST -> {
                pending.add(new Written(expiresAtSecond, fingerprint));
                scheduleWrite(WRITE_DELAY);
                yield true;
            }
            case SEEN -> false;
            case FULL -> table.firstTime(key, expiresAt, now);
        };
    }

    /** Keys held in memory (tests, sizing). */
    long held() {
        return keys.size();
    }

    /** Writes what is pending now, on the caller's thread (shutdown). */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS); // a write in progress ends first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writePending();
    }

    /** The first check after the database is ready reads back the keys a previous run of this process saw. */
    private synchronized void load(Instant now) {
        if (loaded) {
            return;
        }
        // A failure throws: the guard lets this request through and the next one loads.
        List<SeenKey> rows = table.unexpired(now);
        List<byte[]> batches = table.unexpiredBatches(now);
        long nowSecond = now.getEpochSecond();
        for (SeenKey k : rows) {
            keys.remember(SeenKeys.fingerprint(k.hash()), roundedUp(k.expiresAt()), nowSecond);
        }
        for (byte[] batch : batches) {
            ByteBuffer b = ByteBuffer.wrap(batch);
            while (b.remaining() >= 16) {
                long expiresAtSecond = b.getLong();
                keys.remember(b.getLong(), expiresAtSecond, nowSecond);
            }
        }
        loaded = true;
        if (keys.size() > 0) {
            LOG.info("Replay check: {} Slack requests seen before the restart are still refused until they expire", keys.size());
        }
    }

    private static long roundedUp(Instant t) {
        return t.getEpochSecond() + (t.getNano() > 0 ? 1 : 0);
    }

    private void scheduleWrite(Duration delay) {
        if (writeScheduled.compareAndSet(false, true)) {
            long nanos = Math.max(delay.toNanos(), retryAt == 0 ? 0 : retryAt - System.nanoTime());
            try {
                writer.schedule(this::writeBehind, nanos, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                writeScheduled.set(false); // shutting down: close() writes what is pending
            }
        }
    }

    /** On the writer thread (one at a time): everything pending, then a purge of expired rows at most once a minute. */
    private void writeBehind() {
        writeScheduled.set(false);
        if (writePending()) {
            backoff = WRITE_DELAY;
            retryAt = 0;
            Instant now = lastNow;
            if (!now.isBefore(nextPurge)) {
                nextPurge = now.plus(JdbcSeenRequests.PURGE_EVERY);
                try {
                    table.purge(now);
                } catch (RuntimeException e) {
                    LOG.warn("Could not purge expired Slack requests: {}", e.getClass().getSimpleName());
                }
            }
        } else {
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            retryAt = System.nanoTime() + backoff.toNanos();
            scheduleWrite(backoff);
        }
    }

    /** True when all pending keys were written; on a failure the unexpired ones are pending again. */
    private boolean writePending() {
        List<Written> batch = new ArrayList<>();
        for (Written k; (k = pending.poll()) != null; ) {
            batch.add(k);
            if (batch.size() == WRITE_BATCH || pending.isEmpty()) {
                ByteBuffer packed = ByteBuffer.allocate(batch.size() * 16);
                long last = 0;
                for (Written w : batch) {
                    packed.putLong(w.expiresAtSecond()).putLong(w.fingerprint());
                    last = Math.max(last, w.expiresAtSecond());
                }
                try {
                    table.recordBatch(Instant.ofEpochSecond(last), packed.array());
                } catch (RuntimeException e) {
                    long nowSecond = lastNow.getEpochSecond();
                    batch.stream().filter(w -> w.expiresAtSecond() > nowSecond).forEach(pending::add);
                    LOG.warn("Could not record seen Slack requests ({}); {} pending, retrying",
                            e.getClass().getSimpleName(), pending.size());
                    return false;
                }
                batch = new ArrayList<>();
            }
        }
        return true;
    }
}
