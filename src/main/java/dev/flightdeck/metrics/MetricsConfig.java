package dev.flightdeck.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * flightdeck.metrics: which environments delivery metrics count, and how long after a successful deploy a rollback
 * or an incident naming the service still makes it a failed change.
 *
 * @param environments empty: the default rule (environments named like production, else all; see
 *                     {@code metrics.MetricsSettings})
 */
public record MetricsConfig(Optional<List<String>> environments, Duration failureWindow) {

    public static final Duration DEFAULT_FAILURE_WINDOW = Duration.ofHours(24);
    public static final MetricsConfig DEFAULTS = new MetricsConfig(Optional.empty(), DEFAULT_FAILURE_WINDOW);

    public MetricsConfig {
        environments = environments.map(List::copyOf);
    }
}
