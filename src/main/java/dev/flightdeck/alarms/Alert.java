package dev.flightdeck.alarms;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert as a monitor reported it, already matched to a service and environment (CloudWatch by the service's
 * alarm selector; Grafana, New Relic and Sentry by label, tag or name). Episodes are kept per {@code source} and
 * {@code key}: an alarm that fires, clears and fires again within the flap window is one episode.
 *
 * @param source    "cloudwatch", "grafana", "newrelic", "sentry"
 * @param key       what identifies the alert at its source (the alarm's name or ARN, Grafana's fingerprint, …)
 * @param name      what people call it, e.g. {@code commons-prod-5xx}
 * @param reason    the monitor's own words for the state (foreign text: escape it wherever it is shown)
 * @param metric    the metric it watches, as people read it, when the monitor says
 * @param threshold its threshold, as people read it, when the monitor says
 * @param at        when the monitor says the state began
 * @param runbook   the alert's own runbook link (a {@code runbook} tag or annotation), else the service's
 * @param link      where to see it at the source (the CloudWatch console, the Grafana panel, …)
 * @param graph     the one metric to draw the last 3 hours of, for a CloudWatch alarm on a single metric
 * @param eventId   the delivery's id, for the audit trail
 */
public record Alert(String source, String key, String name, String service, String environment, AlertState state,
                    String reason, Optional<String> metric, Optional<String> threshold, Instant at,
                    Optional<URI> runbook, Optional<URI> link, Optional<MetricRef> graph, String eventId) {

    public Alert {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        reason = reason == null ? "" : reason;
        eventId = eventId == null ? "" : eventId;
    }
}
