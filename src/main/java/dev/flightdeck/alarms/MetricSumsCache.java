package dev.flightdeck.alarms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Metric reads kept for a minute per metrics and span, so a burst of {@code /deploy slo} and gate checks (every
 * request to prod asks) costs one CloudWatch read, which AWS bills per metric asked. The span ends at the clock's
 * now; within a minute a minute-old answer is as good. Failures are not kept: the next ask tries again.
 */
public final class MetricSumsCache {

    public static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private final MetricSums source;
    private final Clock clock;
    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

    public MetricSumsCache(MetricSums source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** The sums over the {@code span} that ends now, in {@code period} buckets: kept ones if under a minute old. */
    public SpanSums lastSpan(List<MetricRef> metrics, Duration span, Duration period) {
        Instant now = clock.instant();
        Key key = new Key(List.copyOf(metrics), span, period);
        Kept k = kept.get(key);
        // A clock set back (tests restore theirs) makes a kept answer one from the future: read again.
        if (k != null && !now.isBefore(k.readAt()) && now.isBefore(k.readAt().plus(FRESH_FOR))) {
            return k.sums();
        }
        SpanSums sums = new SpanSums(now.minus(span), now, source.sums(metrics, now.minus(span), now, period));
        kept.put(key, new Kept(now, sums));
        return sums;
    }

    /** What one read of a span gave: each metric's buckets from {@code from} to {@code to}. */
    public record SpanSums(Instant from, Instant to, Map<MetricRef, List<MetricSums.Bucket>> sums) {
    }

    private record Key(List<MetricRef> metrics, Duration span, Duration period) {
    }

    private record Kept(Instant readAt, SpanSums sums) {
    }
}
