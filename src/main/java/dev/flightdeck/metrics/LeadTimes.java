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
 */
public final class LeadTimes {

    public static final LeadTimes NONE = new LeadTimes(new long[0], new int[0]);

    private final long[] micros;
    private final int[] counts;

    private LeadTimes(long[] micros, int[] counts) {
        this.micros = micros;
        this.counts = counts;
    }

    /** From value → count; values must not be negative counts. */
    public static LeadTimes of(Map<Long, Integer> valueCounts) {
        TreeMap<Long, Integer> sorted = new TreeMap<>(valueCounts);
        long[] m = new long[sorted.size()];
        int[] c = new int[sorted.size()];
        int i = 0;
        for (var e : sorted.entrySet()) {
            if (e.getValue() < 1) {
                throw new IllegalArgumentException("a lead time's count must be at least 1: " + e);
            }
            m[i] = e.getKey();
            c[i++] = e.getValue();
        }
        return new LeadTimes(m, c);
    }

    /** This multiset with every value of {@code other} added. */
    public LeadTimes plus(LeadTimes other) {
        TreeMap<Long, Integer> all = new TreeMap<>(asMap());
        other.asMap().forEach((v, n) -> all.merge(v, n, Integer::sum));
        return of(all);
    }

    public TreeMap<Long, Integer> asMap() {
        TreeMap<Long, Integer> out = new TreeMap<>();
        for (int i = 0; i < micros.length; i++) {
            out.put(micros[i], counts[i]);
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
        return counts[i];
    }

    public int size() {
        return Arrays.stream(counts).sum();
    }

    static Duration duration(long micros) {
        return Duration.of(micros, ChronoUnit.MICROS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeadTimes l && Arrays.equals(micros, l.micros) && Arrays.equals(counts, l.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(micros) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
