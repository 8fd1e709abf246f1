package dev.flightdeck.metrics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One bar of a chart: the figures of the report's scope for the UTC days {@code [start, end)} (one day, or seven
 * for long periods; the first and last bucket are cut to the period). Same definitions as {@link DeliveryFigures}.
 */
public record DeliveryBucket(LocalDate start,
                             LocalDate end,
                             int deploys,
                             int changes,
                             int failedChanges,
                             Optional<Duration> leadTimeMedian,
                             int incidentsStarted) {
}
