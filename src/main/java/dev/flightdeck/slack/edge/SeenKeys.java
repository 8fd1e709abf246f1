package dev.flightdeck.slack.edge;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keys of requests seen, in memory, grouped by the second they expire in: a request's keys are forgotten a whole
 * second at a time (a map removal, no scan of the keys), and each second holds a set of 64-bit fingerprints of its
 * keys (open addressing over a {@code long[]}: 11–21 bytes a key, no object per key). Two different requests of
 * the same second share a fingerprint with a chance of about n²/2⁶⁵ (n requests that second): nil in practice, and
 * the keys come from signatures only Slack can make, so nobody can aim for a collision.
 *
 * <p>A soft cap on the keys held: past it, a key not held is answered {@link Answer#FULL} (the caller asks the
 * database instead), so memory stays bounded however many requests come within one window.
 */
final class SeenKeys {

    enum Answer { FIRST, SEEN, FULL }

    private final ConcurrentHashMap<Long, Second> seconds = new ConcurrentHashMap<>();
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong forgottenUpTo = new AtomicLong(Long.MIN_VALUE);
    private final long maxKeys;

    SeenKeys(long maxKeys) {
        this.maxKeys = maxKeys;
    }

    /**
     * Whether the key of {@code fingerprint} ({@link #fingerprint}) is new, remembering it until {@code expiresAtSecond}
     * if so; past the cap, a key not held is answered FULL rather than added.
     *
     * @param expiresAtSecond the key's expiry, epoch seconds rounded up
     * @param nowSecond       the caller's clock, epoch seconds: seconds up to it are forgotten
     */
    Answer firstTime(long fingerprint, long expiresAtSecond, long nowSecond) {
        forgetUpTo(nowSecond);
        if (expiresAtSecond <= nowSecond) {
            return Answer.FIRST; // refused as stale before it gets here; nothing to remember
        }
        Second s = seconds.computeIfAbsent(expiresAtSecond, k -> new Second());
        return s.firstTime(fingerprint, held.get() < maxKeys, held);
    }

    /** Adds a key known to be seen (loaded at start): past the cap too, since forgetting it would let its copy in. */
    void remember(long fingerprint, long expiresAtSecond, long nowSecond) {
        if (expiresAtSecond > nowSecond) {
            seconds.computeIfAbsent(expiresAtSecond, k -> new Second()).firstTime(fingerprint, true, held);
        }
    }

    long size() {
        return held.get();
    }

    /** Once a second at most (one caller does it), drops every second up to {@code nowSecond}. */
    private void forgetUpTo(long nowSecond) {
        long done = forgottenUpTo.get();
        if (nowSecond <= done || !forgottenUpTo.compareAndSet(done, nowSecond)) {
            return;
        }
        seconds.entrySet().removeIf(e -> {
            if (e.getKey() > nowSecond) {
                return false;
            }
            held.addAndGet(-e.getValue().drop());
            return true;
        });
    }

    /** 64 bits of a key: FNV-1a over its characters, then a finalizer that spreads every bit (SplitMix64's). */
    static long fingerprint(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h == 0 ? 1 : h; // 0 marks an empty slot
    }

    /** The fingerprints of one second's keys: an open-addressing set, grown at three quarters full. */
    private static final class Second {
        private long[] slots = new long[16];
        private int count;
        private boolean dropped;

        synchronized Answer firstTime(long fp, boolean mayAdd, AtomicLong held) {
            int mask = slots.length - 1;
            int i = (int) fp & mask;
            for (long s; (s = slots[i]) != 0; i = (i + 1) & mask) {
                if (s == fp) {
                    return Answer.SEEN;
                }
            }
            if (!mayAdd) {
                return Answer.FULL;
            }
            if (dropped) {
                return Answer.FIRST; // its second passed while this caller got here: expired, nothing to keep
            }
            slots[i] = fp;
            held.incrementAndGet();
            if (++count * 4 > slots.length * 3) {
                grow();
            }
            return Answer.FIRST;
        }

        synchronized int drop() {
            dropped = true;
            int n = count;
            slots = new long[1];
            count = 0;
            return n;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            int mask = slots.length - 1;
            for (long fp : old) {
                if (fp != 0) {
                    int i = (int) fp & mask;
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = fp;
                }
            }
        }
    }
}
