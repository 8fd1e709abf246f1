package dev.flightdeck.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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

    private record Weighted(Duration value, int count) {
    }

    /**
     * The same over {@code values} together with rolled-up days' exact lead times: the value at rank ceil(p * n) of
     * the whole sorted multiset, so the answer is the one {@link #of(List, double)} gives on the raw values.
     */
    static Optional<Duration> of(List<Duration> values, List<LeadTimes> rolled, double p) {
        if (rolled.isEmpty()) {
            return of(values, p);
        }
        List<Weighted> all = new ArrayList<>(values.size());
        long n = values.size();
        values.forEach(v -> all.add(new Weighted(v, 1)));
        for (LeadTimes l : rolled) {
            for (int i = 0; i < l.distinct(); i++) {
                all.add(new Weighted(LeadTimes.duration(l.micros(i)), l.count(i)));
                n += l.count(i);
            }
        }
        if (n == 0) {
            return Optional.empty();
        }
        all.sort(Comparator.comparing(Weighted::value));
        long rank = Math.max(1, (long) Math.ceil(p * n));
        long seen = 0;
        for (Weighted w : all) {
            seen += w.count();
            if (seen >= rank) {
                return Optional.of(w.value());
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + n);
    }
}
