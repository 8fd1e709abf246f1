package dev.flightdeck.metrics;

import dev.flightdeck.metrics.DeliveryHistory.IncidentFact;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One scope's incidents (every incident, or those naming a service) indexed for a report's many periods (the whole
 * period, each service, up to 52 chart buckets): by start, and the resolved ones by resolution with their time to
 * restore, so each period's counts are binary searches and its restores a slice, not every incident of all teams again.
 */
final class ScopedIncidents {

    private final List<Instant> starts;
    private final List<Instant> resolutions;
    private final long[] restoreNanos;

    /** @param byStart the scope's incidents in start order */
    ScopedIncidents(List<IncidentFact> byStart) {
        this.starts = byStart.stream().map(IncidentFact::startedAt).toList();
        List<IncidentFact> resolved = new ArrayList<>();
        for (IncidentFact i : byStart) {
            if (i.resolvedAt().isPresent()) {
                resolved.add(i);
            }
        }
        resolved.sort(Comparator.comparing(i -> i.resolvedAt().get()));
        this.resolutions = resolved.stream().map(i -> i.resolvedAt().get()).toList();
        this.restoreNanos = new long[resolved.size()];
        for (int k = 0; k < restoreNanos.length; k++) {
            IncidentFact i = resolved.get(k);
            restoreNanos[k] = Duration.between(i.startedAt(), i.resolvedAt().get()).toNanos();
        }
    }

    /** How many started in {@code period}. */
    int started(MetricsPeriod period) {
        return Trouble.firstAtOrAfter(starts, period.to()) - Trouble.firstAtOrAfter(starts, period.from());
    }

    /** The times to restore of those resolved in {@code period}, a copy (in no particular order). */
    long[] restores(MetricsPeriod period) {
        int from = Trouble.firstAtOrAfter(resolutions, period.from());
        return Arrays.copyOfRange(restoreNanos, from, Math.max(from, Trouble.firstAtOrAfter(resolutions, period.to())));
    }
}
