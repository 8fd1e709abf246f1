package dev.flightdeck.metrics;

import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Delivery metrics for the Slack {@code /deploy stats} answer and the {@code /delivery} page: both call
 * {@link #report}, so they always agree. Definitions are on {@link DeliveryFigures}; which environments count and the
 * failure window on {@link MetricsSettings}.
 */
@Singleton
public class DeliveryMetrics {

    private final DeliveryHistory history;
    private final TeamConfig config;
    private final MetricsSettings settings;
    private final Clock clock;

    public DeliveryMetrics(DeliveryHistory history, TeamConfig config, Clock clock) {
        this.history = history;
        this.config = config;
        this.settings = MetricsSettings.from(config);
        this.clock = clock;
    }

    /**
     * @param service a configured service, or empty for all
     * @throws UnknownServiceException when the service is not in the team config (lists the known ones)
     */
    public DeliveryReport report(Optional<String> service, MetricsPeriod period) {
        List<String> services = services();
        service.filter(s -> !services.contains(s)).ifPresent(s -> {
            throw new UnknownServiceException(s, services);
        });
        // Look past the end by the failure window: a success late in the period may be rolled back just after it.
        var lookAheadTo = period.to().plus(settings.failureWindow());
        var rollbacks = history.rollbacksRequestedBetween(period.from(), lookAheadTo);
        var incidents = history.incidentsBetween(period.from(), lookAheadTo);
        // Every service together comes from the rollup's all-services days; one service's days are read for the
        // configured services, and for any other service a rollback or an incident could make a failed change of.
        Trouble trouble = new Trouble(settings, rollbacks, incidents);
        Set<String> wanted = new LinkedHashSet<>(services);
        wanted.addAll(trouble.possible(history.servicesRolledUp()));
        var calculator = new DeliveryCalculator(settings, history.slice(period, settings.environments(), wanted),
                rollbacks, trouble);
        return calculator.report(service, services, period);
    }

    /** The last {@code days} UTC days including today; see {@link MetricsPeriod#lastDays}. */
    public DeliveryReport lastDays(Optional<String> service, int days) {
        return report(service, MetricsPeriod.lastDays(clock, days));
    }

    /** The configured services, in team-config order. */
    public List<String> services() {
        return List.copyOf(config.services().keySet());
    }

    public MetricsSettings settings() {
        return settings;
    }
}
