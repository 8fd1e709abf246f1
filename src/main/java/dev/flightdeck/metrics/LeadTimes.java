package dev.flightdeck.metrics;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * An exact multiset of lead times in microseconds (the databases' timestamp resolution): each distinct value once,
 * ascending, with how many deploys had it. A day's rollup keeps this instead of a bucketed histogram, so percentiles
 * from rolled-up days are the very values the raw rows give (a day's successes often share a value, so it is short).
 * Counts are kept as running totals too, so "how many are at most v" is a binary search ({@link Percentiles} selects a
 * rank across a period's days by counting, never merging them).
 */
public final class LeadTimes {

    public static final LeadTimes NONE = new LeadTimes(new long[0], new long[0]);

    private final long[] micros;
    /** {@code upTo[i]}: how many values are at most {@code micros[i]}. */
    private final long[] upTo;

    private LeadTimes(long[] micros, long[] upTo) {
        this.micros = micros;
        this.upTo = upTo;
    }

    /** From value → count; values must not be negative counts. */
    public static LeadTimes of(Map<Long, Integer> valueCounts) {
        TreeMap<Long, Integer> sorted = new TreeMap<>(valueCounts);
        long[] m = new long[sorted.size()];
        int[] c = new int[sorted.size()];
        int i = 0;
        for (var e : sorted.entrySet()) {
            m[i] = e.getKey();
            c[i++] = e.getValue();
        }
        return ofAscending(m, c, m.length);
    }

    /**
     * From the first {@code n} of {@code micros} (strictly ascending) and their {@code counts} (each at least 1), as a
     * rollup row keeps them; the arrays are copied.
     */
    public static LeadTimes ofAscending(long[] micros, int[] counts, int n) {
        long[] m = Arrays.copyOf(micros, n);
        long[] up = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            if (counts[i] < 1) {
                throw new IllegalArgumentException("a lead time's count must be at least 1: " + m[i] + "=" + counts[i]);
            }
            if (i > 0 && m[i] <= m[i - 1]) {
                throw new IllegalArgumentException("lead times not ascending: " + m[i - 1] + ", " + m[i]);
            }
            total += counts[i];
            up[i] = total;
        }
        return new LeadTimes(m, up);
    }

    public TreeMap<Long, Integer> asMap() {
        TreeMap<Long, Integer> out = new TreeMap<>();
        for (int i = 0; i < micros.length; i++) {
            out.put(micros[i], count(i));
        }
        return out;
    }

    /** How many distinct values. */
    public int distinct() {
        return micros.length;
    }

    public long micros(int i) {
        return micros[i];
    }

    public int count(int i) {
        return (int) (upTo[i] - (i == 0 ? 0 : upTo[i - 1]));
    }

    public int size() {
        return micros.length == 0 ? 0 : (int) upTo[micros.length - 1];
    }

    /** How many values are at most {@code v}. */
    long atMost(long v) {
        int n = countAtMost(micros, v);
        return n == 0 ? 0 : upTo[n - 1];
    }

    /** How many of {@code sorted} (ascending) are at most {@code v}: one binary search. */
    static int countAtMost(long[] sorted, long v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static Duration duration(long micros) {
        return Duration.of(micros, ChronoUnit.MICROS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeadTimes l && Arrays.equals(micros, l.micros) && Arrays.equals(upTo, l.upTo);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(micros) + Arrays.hashCode(upTo);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
