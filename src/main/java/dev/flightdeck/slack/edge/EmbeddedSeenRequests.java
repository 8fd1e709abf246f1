package dev.flightdeck.slack.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * its file to one JVM): the check is answered from memory ({@link SeenKeys}) and each new key is written behind to
 * slack_request_seen, off the ack's thread, in batches of whatever came within {@link #WRITE_DELAY}. At start the keys
 * not yet expired are read back, so a copy of a request seen before a restart is still refused within its window.
 * Writing each key before its ack was a third of an ack's CPU (docs/PERFORMANCE.md, round 7).
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
        void record(List<SeenKey> keys);

        List<SeenKey> unexpired(Instant now);

        void purge(Instant now);
    }

    static final long MAX_KEYS = 1_000_000;
    static final Duration WRITE_DELAY = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int WRITE_BATCH = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSeenRequests.class);

    private final Table table;
    private final SeenKeys keys;
    private final ConcurrentLinkedQueue<SeenKey> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor writer;
    private volatile boolean loaded;
    private volatile Instant lastNow = Instant.EPOCH;
    private Instant nextPurge = Instant.EPOCH;
    private Duration backoff = WRITE_DELAY;

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
        long expiresAtSecond = expiresAt.getEpochSecond() + (expiresAt.getNano() > 0 ? 1 : 0);
        return switch (keys.firstTime(key, expiresAtSecond, now.getEpochSecond(), true)) {
            case FIRST -> {
                pending.add(new SeenKey(key, expiresAt));
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
        List<SeenKey> seen = table.unexpired(now); // a failure throws: the guard lets the request through, the next loads
        for (SeenKey k : seen) {
            keys.remember(k.hash(), k.expiresAt().getEpochSecond() + (k.expiresAt().getNano() > 0 ? 1 : 0), now.getEpochSecond());
        }
        loaded = true;
        if (!seen.isEmpty()) {
            LOG.info("Replay check: {} Slack requests seen before the restart are still refused until they expire", seen.size());
        }
    }

    private void scheduleWrite(Duration delay) {
        if (writeScheduled.compareAndSet(false, true)) {
            try {
                writer.schedule(this::writeBehind, delay.toMillis(), TimeUnit.MILLISECONDS);
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
            scheduleWrite(backoff);
        }
    }

    /** True when all pending keys were written; on a failure the unexpired ones are pending again. */
    private boolean writePending() {
        List<SeenKey> batch = new ArrayList<>();
        for (SeenKey k; (k = pending.poll()) != null; ) {
            batch.add(k);
            if (batch.size() == WRITE_BATCH || pending.isEmpty()) {
                try {
                    table.record(batch);
                } catch (RuntimeException e) {
                    Instant now = lastNow;
                    batch.stream().filter(b -> b.expiresAt().isAfter(now)).forEach(pending::add);
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
