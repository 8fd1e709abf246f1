package dev.flightdeck.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metric data points in memory, summed per bucket the way CloudWatch does (buckets of {@code period} from
 * {@code from}, empty ones left out); records every read and can be made to fail.
 */
final class InMemoryMetricSums implements MetricSums {

    record Read(List<MetricRef> metrics, Instant from, Instant to, Duration period) {
    }

    private record Point(MetricRef metric, Instant at, double value) {
    }

    final List<Read> reads = new ArrayList<>();
    private final List<Point> points = new ArrayList<>();
    boolean down;

    void put(MetricRef metric, Instant at, double value) {
        points.add(new Point(metric, at, value));
    }

    @Override
    public synchronized Map<MetricRef, List<Bucket>> sums(List<MetricRef> metrics, Instant from, Instant to,
                                                          Duration period) {
        reads.add(new Read(List.copyOf(metrics), from, to, period));
        if (down) {
            throw new MetricSourceException("CloudWatch: AWS did not answer in time", null);
        }
        Map<MetricRef, List<Bucket>> out = new LinkedHashMap<>();
        for (MetricRef m : metrics) {
            List<Bucket> buckets = new ArrayList<>();
            for (Instant start = from; start.isBefore(to); start = start.plus(period)) {
                Instant s = start;
                Instant end = start.plus(period);
                List<Point> in = points.stream().filter(p -> p.metric().equals(m) && !p.at().isBefore(s)
                        && p.at().isBefore(end) && p.at().isBefore(to)).toList();
                if (!in.isEmpty()) {
                    buckets.add(new Bucket(s, in.stream().mapToDouble(Point::value).sum()));
                }
            }
            out.put(m, buckets);
        }
        return out;
    }
}
