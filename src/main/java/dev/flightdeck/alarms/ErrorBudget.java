package dev.flightdeck.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The error budget of one SLO over its rolling window, from the good and total counts read for it. The budget is
 * the {@code 1 - objective} share of the window's total events; what is left can be negative (spent, and more).
 *
 * @param good        good events in the window
 * @param total       all events in the window (more than zero: no events is no budget at all, see {@link SloReading})
 * @param leftShare   the budget not yet used, as a share of it: 0.4 is 40 % left, -0.2 is spent and 20 % over
 * @param leftMinutes the budget left in minutes of full outage at the window's average rate of events
 * @param burn1h      the error rate over the last hour divided by the allowed rate; empty without events in the hour
 * @param burn6h      the same over the last six hours
 * @param picture     the budget left at the end of each bucket of the window, oldest first, ending at {@code leftShare}
 */
public record ErrorBudget(double objective, Duration window, double good, double total, double leftShare,
                          double leftMinutes, OptionalDouble burn1h, OptionalDouble burn6h, List<Point> picture) {

    public ErrorBudget {
        picture = List.copyOf(picture);
    }

    /** The budget left at the end of a bucket: cumulative failures so far against the whole window's budget. */
    public record Point(Instant at, double leftShare) {
    }

    /** Failures in the window: total minus good, never below zero (good above total is a metric mix-up). */
    public double bad() {
        return Math.max(0, total - good);
    }

    /** How many failures the window allows. */
    public double allowed() {
        return allowedShare(objective) * total;
    }

    /** Used up to the last failure: a share left within rounding of zero is none. */
    public boolean spent() {
        return leftShare < 1e-9;
    }

    /** {@code 1 - objective} in decimal, so 99% allows 1 % and not 1.0000000000000009 %. */
    static double allowedShare(double objective) {
        return java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(objective)).doubleValue();
    }

    /**
     * @param window      good and total per bucket of the window
     * @param lastHour    good and total summed over the last hour (one bucket each, or none)
     * @param lastSixHours the same over six hours
     * @return empty when the window has no events at all
     */
    public static java.util.Optional<ErrorBudget> of(SloSettings slo, Counts window, Counts lastHour, Counts lastSixHours) {
        return of(slo, window, lastHour, lastSixHours, List.of());
    }

    /**
     * @param buckets the starts of the window's buckets, oldest first: the picture has one point for each, those
     *                without data carrying the one before on; empty to picture only the buckets that have data
     */
    public static java.util.Optional<ErrorBudget> of(SloSettings slo, Counts window, Counts lastHour,
                                                     Counts lastSixHours, List<Instant> buckets) {
        double total = window.total().stream().mapToDouble(MetricSums.Bucket::value).sum();
        if (!(total > 0)) {
            return java.util.Optional.empty();
        }
        double good = window.good().stream().mapToDouble(MetricSums.Bucket::value).sum();
        double allowed = allowedShare(slo.objective()) * total;
        double left = allowed - Math.max(0, total - good);
        double perMinute = total / slo.window().toMinutes();
        return java.util.Optional.of(new ErrorBudget(slo.objective(), slo.window(), good, total, left / allowed,
                left / perMinute, burn(slo, lastHour), burn(slo, lastSixHours), picture(window, allowed, buckets)));
    }

    private static OptionalDouble burn(SloSettings slo, Counts span) {
        double total = span.total().stream().mapToDouble(MetricSums.Bucket::value).sum();
        if (!(total > 0)) {
            return OptionalDouble.empty();
        }
        double good = span.good().stream().mapToDouble(MetricSums.Bucket::value).sum();
        return OptionalDouble.of(Math.max(0, total - good) / total / allowedShare(slo.objective()));
    }

    private static List<Point> picture(Counts window, double allowed, List<Instant> buckets) {
        TreeMap<Instant, double[]> byBucket = new TreeMap<>();
        buckets.forEach(b -> byBucket.put(b, new double[2]));
        boolean fixed = !buckets.isEmpty();
        window.total().forEach(b -> slot(byBucket, b.start(), fixed)[1] += b.value());
        window.good().forEach(b -> slot(byBucket, b.start(), fixed)[0] += b.value());
        List<Point> points = new ArrayList<>();
        double bad = 0;
        for (var e : byBucket.entrySet()) {
            bad += Math.max(0, e.getValue()[1] - e.getValue()[0]);
            points.add(new Point(e.getKey(), (allowed - bad) / allowed));
        }
        return points;
    }

    /**
     * The bucket a data point's time falls in: with fixed buckets the latest start at or before it (CloudWatch may
     * align its own), else its own.
     */
    private static double[] slot(TreeMap<Instant, double[]> byBucket, Instant at, boolean fixed) {
        Map.Entry<Instant, double[]> floor = fixed ? byBucket.floorEntry(at) : null;
        return floor != null ? floor.getValue() : byBucket.computeIfAbsent(at, k -> new double[2]);
    }

    /** Good and total buckets of one span, as read. */
    public record Counts(List<MetricSums.Bucket> good, List<MetricSums.Bucket> total) {
        public Counts {
            good = List.copyOf(good);
            total = List.copyOf(total);
        }
    }
}
