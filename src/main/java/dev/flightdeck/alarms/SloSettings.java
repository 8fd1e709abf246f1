package dev.flightdeck.alarms;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A service's service-level objective ({@code slo:}): the share of {@code good} events among {@code total} events it
 * promises over a rolling {@code window}, e.g. 99.9 % over 28 days. The error budget is the {@code 1 - objective}
 * share of the window's total events that may fail. Good and total are each one metric or metric math
 * ({@link SloSeries}).
 *
 * @param objective the promised share as a fraction, 0 < objective < 1 (99.9% is 0.999)
 */
public record SloSettings(double objective, Duration window, SloSeries good, SloSeries total) {

    public SloSettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(good, "good");
        Objects.requireNonNull(total, "total");
        if (!(objective > 0 && objective < 1)) {
            throw new IllegalArgumentException("objective must be between 0 and 1, got " + objective);
        }
    }

    /** Good and total as one metric each. */
    public SloSettings(double objective, Duration window, MetricRef good, MetricRef total) {
        this(objective, window, new SloSeries.One(good), new SloSeries.One(total));
    }

    /** Every metric to read for good and total, each once. */
    public List<MetricRef> metrics() {
        return java.util.stream.Stream.concat(good.metrics().stream(), total.metrics().stream()).distinct().toList();
    }

    public SloSettings forEnv(String env) {
        return new SloSettings(objective, window, good.forEnv(env), total.forEnv(env));
    }
}
