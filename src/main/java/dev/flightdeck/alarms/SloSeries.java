package dev.flightdeck.alarms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An SLO's {@code good:} or {@code total:} series: one metric, or metric math over named metrics, read per bucket.
 */
public sealed interface SloSeries {

    /** Every metric to read for it. */
    List<MetricRef> metrics();

    /** Its buckets, oldest first, from the sums read for (at least) {@link #metrics()}. */
    List<MetricSums.Bucket> evaluate(Map<MetricRef, List<MetricSums.Bucket>> sums);

    SloSeries forEnv(String env);

    /** For people: "Shop/Requests Total (Environment=prod)", or the expression and its metrics. */
    String describe();

    /** {@code good: { namespace, metric, dimensions, stat }}. */
    record One(MetricRef metric) implements SloSeries {
        public One {
            Objects.requireNonNull(metric, "metric");
        }

        public List<MetricRef> metrics() {
            return List.of(metric);
        }

        public List<MetricSums.Bucket> evaluate(Map<MetricRef, List<MetricSums.Bucket>> sums) {
            return sums.getOrDefault(metric, List.of());
        }

        public One forEnv(String env) {
            return new One(metric.forEnv(env));
        }

        public String describe() {
            return SloFigures.metric(metric);
        }
    }

    /**
     * {@code good: { expression: "total - errors", metrics: { total: {…}, errors: {…} } }}: computed per bucket start
     * that any of its metrics has data for, a metric without a data point there counting as 0 (CloudWatch's
     * {@code FILL(m, 0)}); a bucket that divides by zero is absent. A negative result is kept, not clamped to 0: for
     * {@code total - errors} a bucket that counted errors before their requests is made up by its neighbours, so
     * the window's sum stays {@code total - errors} exactly (the budget already treats good above total as none bad).
     *
     * @param named the metrics by the names the expression uses, in the team file's order
     */
    record Expression(MetricMath math, Map<String, MetricRef> named) implements SloSeries {
        public Expression {
            Objects.requireNonNull(math, "math");
            named = Collections.unmodifiableMap(new LinkedHashMap<>(named));
        }

        public List<MetricRef> metrics() {
            return named.values().stream().distinct().toList();
        }

        public List<MetricSums.Bucket> evaluate(Map<MetricRef, List<MetricSums.Bucket>> sums) {
            TreeMap<Instant, Map<String, Double>> byStart = new TreeMap<>();
            named.forEach((name, ref) -> sums.getOrDefault(ref, List.of()).forEach(b ->
                    byStart.computeIfAbsent(b.start(), k -> new LinkedHashMap<>()).merge(name, b.value(), Double::sum)));
            List<MetricSums.Bucket> out = new ArrayList<>();
            byStart.forEach((start, values) -> math.evaluate(values)
                    .ifPresent(v -> out.add(new MetricSums.Bucket(start, v))));
            return out;
        }

        public Expression forEnv(String env) {
            Map<String, MetricRef> d = new LinkedHashMap<>();
            named.forEach((name, ref) -> d.put(name, ref.forEnv(env)));
            return new Expression(math, d);
        }

        public String describe() {
            return math.text() + named.entrySet().stream().map(e -> e.getKey() + " = " + SloFigures.metric(e.getValue()))
                    .collect(Collectors.joining(", ", " (", ")"));
        }
    }
}
