package dev.flightdeck.slack.edge;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The replay guard's memory while the database is still being migrated at start-up: the first Slack requests
 * (a {@code /deploy help} needs no database) are answered then, and a copy of one of them must still be refused. Keys
 * seen before are kept here, handed to the database once it is ready, and still answered from here afterwards (so a
 * copy is refused on this replica even if the hand-over failed) until they expire.
 */
final class SeenBeforeReady {

    private final Map<String, Instant> keys = new HashMap<>();
    private boolean handedOver;
    private Instant lastNow;
    /** Nothing kept and the database answers: no lock on the hot path. */
    private volatile boolean idle;

    /** TRUE/FALSE when answered here (before hand-over, or a key kept from then); null: ask the database. */
    Boolean firstTime(String key, Instant expiresAt, Instant now) {
        if (idle) {
            return null;
        }
        synchronized (this) {
            keys.values().removeIf(expiry -> !expiry.isAfter(now));
            Instant known = keys.get(key);
            if (known != null) {
                return Boolean.FALSE;
            }
            if (handedOver) {
                idle = keys.isEmpty();
                return null;
            }
            keys.put(key, expiresAt);
            lastNow = now;
            return Boolean.TRUE;
        }
    }

    /** From now on the database answers; returns the keys seen so far (to record there) and the latest request's now. */
    synchronized Map<String, Instant> handOver() {
        handedOver = true;
        idle = keys.isEmpty();
        return Map.copyOf(keys);
    }

    synchronized Instant lastNow() {
        return lastNow;
    }
}
