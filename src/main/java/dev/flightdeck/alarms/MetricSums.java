package dev.flightdeck.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where metric sums are read for error budgets (CloudWatch is the adapter): each metric's statistic per
 * {@code period}-long bucket from {@code from} to {@code to}, one read for all the metrics of a span.
 */
public interface MetricSums {

    /**
     * Every metric asked, mapped to its buckets oldest first; a bucket without data points is absent, and a metric
     * with none at all maps to an empty list.
     *
     * @throws MetricSourceException when the metrics can't be read; its message is safe to show
     */
    Map<MetricRef, List<Bucket>> sums(List<MetricRef> metrics, Instant from, Instant to, Duration period);

    /** One bucket: its start and the statistic over it (a sum, for counts of events). */
    record Bucket(Instant start, double value) {
    }
}
