package dev.flightdeck.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Nearest-rank percentiles: the value at rank ceil(p * n) of the sorted values; no interpolation to explain. */
final class Percentiles {

    private Percentiles() {
    }

    static Optional<Duration> of(List<Duration> values, double p) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p * sorted.size());
        return Optional.of(sorted.get(Math.max(1, rank) - 1));
    }

    /** The same over nanoseconds, sorted here in place. */
    static Optional<Duration> ofNanos(long[] nanos, int n, double p) {
        if (n == 0) {
            return Optional.empty();
        }
        Arrays.sort(nanos, 0, n);
        int rank = (int) Math.ceil(p * n);
        return Optional.of(Duration.ofNanos(nanos[Math.max(1, rank) - 1]));
    }

    /**
     * The same over {@code sortedNanos} (ascending) together with rolled-up days' exact lead times: the value at rank
     * ceil(p * n) of the whole multiset, so the answer is the one {@link #of(List, double)} gives on the raw values.
     * Found by bisecting the values, counting at each step how many are at most the middle one (a binary search in
     * each day), so a period's days are never merged: the work is days × log(values a day) × log(range), whatever
     * the number of deploys (twenty teams' days cost what one team's do, give or take a step of each search).
     */
    static Optional<Duration> of(long[] sortedNanos, List<LeadTimes> rolled, double p) {
        long n = sortedNanos.length;
        long lo = n == 0 ? Long.MAX_VALUE : sortedNanos[0];
        long hi = n == 0 ? Long.MIN_VALUE : sortedNanos[sortedNanos.length - 1];
        for (LeadTimes l : rolled) {
            if (l.distinct() > 0) {
                n += l.size();
                lo = Math.min(lo, Math.multiplyExact(l.micros(0), 1000L));
                hi = Math.max(hi, Math.multiplyExact(l.micros(l.distinct() - 1), 1000L));
            }
        }
        if (n == 0) {
            return Optional.empty();
        }
        long rank = Math.max(1, (long) Math.ceil(p * n));
        // The least value v with at least rank values at most v: always one of the values.
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;   // lo <= mid < hi without overflow
            if (atMost(sortedNanos, rolled, mid) >= rank) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return Optional.of(Duration.ofNanos(lo));
    }

    private static long atMost(long[] sortedNanos, List<LeadTimes> rolled, long nanos) {
        long micros = Math.floorDiv(nanos, 1000L);
        long count = LeadTimes.countAtMost(sortedNanos, nanos);
        for (LeadTimes l : rolled) {
            count += l.atMost(micros);
        }
        return count;
    }
}
