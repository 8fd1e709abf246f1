package dev.flightdeck.slack.edge;

import dev.flightdeck.ready.DatabaseReady;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * Refuses a signed Slack request seen before: a slash command or a click captured on the way and
 * sent again within the signature's 5-minute window would otherwise declare a second incident or file a second
 * deploy request. Only forms are checked (commands, interactions): Slack never retries those, while it does retry
 * Events API deliveries (JSON, with X-Slack-Retry-Num), whose handling is idempotent on its own (the timeline's
 * dedup key), so they are not refused here. Requests that come while the database is still being migrated at start-up
 * are remembered in memory ({@link SeenBeforeReady}) and recorded in the database once it is ready.
 */
@Singleton
public class ReplayGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayGuard.class);
    /** Past the window a request is refused as stale; a minute more covers replicas whose clocks differ a little. */
    static final Duration KEEP = Duration.ofMinutes(6);

    private final SeenRequests seen;
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(ReplayGuard::newDigest);
    private volatile Instant lastFaultLogged = Instant.EPOCH;
    private final SeenBeforeReady beforeReady = new SeenBeforeReady();

    @Inject
    public ReplayGuard(SeenRequests seen, DatabaseReady ready) {
        this.seen = seen;
        ready.whenReady(this::handOver);
    }

    /** With a database that is ready from the start. */
    public ReplayGuard(SeenRequests seen) {
        this(seen, DatabaseReady.already());
    }

    /**
     * False when this signature was already received. The signature covers the timestamp and the body, so only a
     * byte-for-byte copy repeats it.
     *
     * @param timestamp the X-Slack-Request-Timestamp the verifier accepted (epoch seconds)
     */
    public boolean firstTime(String signature, long timestamp, Instant now) {
        Instant expires = Instant.ofEpochSecond(timestamp).plus(KEEP);
        String key = key(signature, expires);
        Boolean early = beforeReady.firstTime(key, expires, now);
        if (early != null) {
            return early;
        }
        try {
            return seen.firstTime(key, expires, now);
        } catch (RuntimeException e) {
            // The database is down: every state change the request could make needs it too, so a replay changes
            // nothing now, and refusing would also break /deploy help. Let it through; say so at most once a minute.
            if (Duration.between(lastFaultLogged, now).toMinutes() >= 1) {
                lastFaultLogged = now;
                LOG.warn("Could not check Slack requests for replays (database: {}); letting them through",
                        e.getClass().getSimpleName());
            }
            return true;
        }
    }

    /** The database is ready: the keys seen before go there, so other replicas refuse those copies too. */
    private void handOver() {
        Map<String, Instant> keys = beforeReady.handOver();
        for (Map.Entry<String, Instant> k : keys.entrySet()) {
            try {
                seen.firstTime(k.getKey(), k.getValue(), beforeReady.lastNow());
            } catch (RuntimeException e) {
                LOG.warn("Could not record a Slack request seen before the database was ready: {}", e.getClass().getSimpleName());
            }
        }
    }

    /**
     * The key a request is remembered by: its expiry (epoch seconds, zero-padded) then 160 bits of the signature's
     * SHA-256. The same request always gets the same key (its timestamp is signed); starting with the time, new keys
     * go to the end of the table's primary key instead of random places in it, so the embedded database rewrites a
     * few pages per commit instead of one per key (random keys made the replay check most of an ack's CPU, docs/
     * PERFORMANCE.md round 7).
     */
    String key(String signature, Instant expires) {
        byte[] hash = sha256.get().digest(signature.trim().getBytes(StandardCharsets.US_ASCII));
        // Padded by hand: String.format("%010d") parsed its pattern on every request, a tenth of a click's ack CPU.
        String seconds = Long.toString(expires.getEpochSecond());
        StringBuilder key = new StringBuilder(50);
        for (int pad = 10 - seconds.length(); pad > 0; pad--) {
            key.append('0');
        }
        return HexFormat.of().formatHex(key.append(seconds), hash, 0, 20).toString();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
