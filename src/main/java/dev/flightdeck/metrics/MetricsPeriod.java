package dev.flightdeck.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The half-open interval {@code [from, to)} the figures are computed over. Days are UTC calendar days, so a chart
 * bucket reads the same for every viewer and a fixed data set gives the same figures on every machine.
 */
public record MetricsPeriod(Instant from, Instant to) {

    public MetricsPeriod {
        if (from == null || to == null) {
            throw new IllegalArgumentException("A period needs both ends");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("A period must end after it starts: " + from + " .. " + to);
        }
    }

    /**
     * The last {@code days} UTC calendar days including today: from the start of the day {@code days - 1} days ago
     * until now. "Last 7 days" on a Wednesday afternoon covers Thursday 00:00 to Wednesday now.
     */
    public static MetricsPeriod lastDays(Clock clock, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, was " + days);
        }
        Instant now = clock.instant();
        Instant startOfToday = now.truncatedTo(ChronoUnit.DAYS);
        Instant from = startOfToday.minus(Duration.ofDays(days - 1L));
        // Exactly at midnight "today" is empty; make the period at least reach the present instant.
        return new MetricsPeriod(from, now.equals(startOfToday) ? now.plusNanos(1) : now);
    }

    /** Whole UTC days from {@code fromDay} to {@code toDayExclusive}. */
    public static MetricsPeriod ofDays(LocalDate fromDay, LocalDate toDayExclusive) {
        return new MetricsPeriod(fromDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
                toDayExclusive.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(from) && instant.isBefore(to);
    }

    /**
     * The number of UTC calendar days the period touches (a partial today counts as a day). Deploy frequency
     * divides by this, so "last 7 days" divides by 7 whatever the time of day.
     */
    public long days() {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    public LocalDate firstDay() {
        return LocalDate.ofInstant(from, ZoneOffset.UTC);
    }

    public LocalDate lastDay() {
        return LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
    }
}
