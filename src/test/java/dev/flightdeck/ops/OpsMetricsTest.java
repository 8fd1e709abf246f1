package dev.flightdeck.ops;

import dev.flightdeck.deploy.DeployEvent;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployRequests;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.incident.ReminderObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.telemetry.DeployTransitionMetrics;
import dev.flightdeck.telemetry.ReminderMetrics;

/** The counters the alert rules read, as Prometheus will see them. */
class OpsMetricsTest {

    @Test
    void aFailedTriggerIsCountedByTheStateEnteredAndEveryStateStartsAtZero() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DeployTransitionMetrics metrics = new DeployTransitionMetrics(registry);
        DeployRequest triggering = request(DeployState.TRIGGERING);

        metrics.transitioned(triggering, triggering.moved(DeployState.TRIGGER_FAILED, "system:build", "down",
                Instant.EPOCH, null), DeployEvent.TRIGGER_FAILED, "system:build");

        String scrape = registry.scrape();
        assertThat(scrape).contains("flightdeck_deploy_transitions_total{to=\"trigger_failed\"} 1.0")
                .contains("flightdeck_deploy_transitions_total{to=\"succeeded\"} 0.0");
    }

    @Test
    void remindersAreCountedByRoleAndOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ReminderMetrics metrics = new ReminderMetrics(registry);

        metrics.reminded(null, ReminderObserver.Role.COMMANDER, ReminderObserver.Outcome.SENT);
        metrics.reminded(null, ReminderObserver.Role.COMMANDER, ReminderObserver.Outcome.FAILED);
        metrics.reminded(null, ReminderObserver.Role.COMMANDER, ReminderObserver.Outcome.FAILED);

        assertThat(registry.get("flightdeck.incident.reminders").tag("role", "commander").tag("outcome", "failed")
                .counter().count()).isEqualTo(2.0);
        assertThat(registry.get("flightdeck.incident.reminders").tag("role", "communicator").tag("outcome", "sent")
                .counter().count()).isZero();
    }

    private static DeployRequest request(DeployState state) {
        return DeployRequests.aProdRequest().id(7).of("checkout").version("v1").in(state).build();
    }
}
