package dev.flightdeck.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything a page or a Slack answer shows about delivery for one period.
 *
 * @param service       the service asked for, or empty for all services
 * @param environments  the environments counted (the production ones; see {@link MetricsSettings})
 * @param failureWindow how long after a success a rollback or incident still counts it as a failed change
 * @param overall       all services together (including deploys of services no longer in the team config)
 * @param services      every configured service, in team-config order, including those with no deploys
 * @param granularity   day or week buckets
 * @param series        buckets covering the whole period, oldest first, for {@link #figures()}'s scope
 */
public record DeliveryReport(MetricsPeriod period,
                             Optional<String> service,
                             List<String> environments,
                             Duration failureWindow,
                             DeliveryFigures overall,
                             List<ServiceFigures> services,
                             Granularity granularity,
                             List<DeliveryBucket> series) {

    public DeliveryReport {
        environments = List.copyOf(environments);
        services = List.copyOf(services);
        series = List.copyOf(series);
    }

    /** The figures of the scope asked for: the service's when one was named, else the overall ones. */
    public DeliveryFigures figures() {
        return service.flatMap(this::figuresOf).orElse(overall);
    }

    public Optional<DeliveryFigures> figuresOf(String name) {
        return services.stream().filter(s -> s.service().equals(name)).map(ServiceFigures::figures).findFirst();
    }
}
