package dev.flightdeck.metrics;

import java.time.Duration;
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
}
