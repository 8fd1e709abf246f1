package dev.flightdeck.alerts;

import dev.flightdeck.alarms.AlertIntake;
import dev.flightdeck.testing.LogCapture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** What the route says with no token configured or when the intake fails, and how refusals reach the log. */
class AlertsRefusalsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final RejectedAlerts rejected = new RejectedAlerts(registry);

    @Test
    void withNoTokenConfiguredTheRouteSaysSoAndTakesNothing() {
        AlertsController controller = new AlertsController(new AlertsToken(" "), rejected, null, null, registry,
                Clock.systemUTC());

        HttpResponse<String> answer = controller.alerts("grafana",
                MonitorPayloads.text(MonitorPayloads.GRAFANA).getBytes(StandardCharsets.UTF_8), "Bearer anything", null);

        assertThat(answer.code()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo("alerts from monitors are not configured here: set FLIGHTDECK_ALERTS_TOKEN");
        assertThat(registry.counter(RejectedAlerts.METRIC, "source", "grafana", "reason", "not-configured").count())
                .isEqualTo(1);
    }

    @Test
    void whenTheIntakeFailsTheMonitorIsToldToRetryAndTheLogNamesTheAlertNotTheToken() {
        String token = "made-up-alerts-token-77";
        AlertIntake failing = alert -> {
            throw new IllegalStateException("database unavailable");
        };
        AlertsController controller = new AlertsController(new AlertsToken(token), rejected, failing,
                MonitorPayloads.team(), registry, Clock.systemUTC());

        try (LogCapture log = new LogCapture(AlertsController.class)) {
            HttpResponse<String> answer = controller.alerts("grafana", MonitorPayloads.grafanaFor("shop", "prod", "f1")
                    .getBytes(StandardCharsets.UTF_8), "Bearer " + token, null);

            assertThat(answer.code()).isEqualTo(500);
            assertThat(answer.body()).isEqualTo("could not take High memory usage now; a retry will be taken");
            assertThat(log.lines()).containsExactly("ERROR Could not take the grafana alert High memory usage for shop in prod");
            assertThat(String.join("\n", log.linesWithThrowables())).doesNotContain(token);
        }
    }

    @Test
    void refusalsAreAllCountedButLoggedOncePerSourceAndReasonAMinuteWithoutWhatWasSent() {
        try (LogCapture log = new LogCapture(RejectedAlerts.class)) {
            for (int i = 0; i < 5; i++) {
                rejected.record(MonitorSource.GRAFANA, RejectedAlerts.Reason.WRONG_TOKEN);
            }
            rejected.record(MonitorSource.SENTRY, RejectedAlerts.Reason.WRONG_TOKEN);

            assertThat(log.lines()).containsExactly(
                    "WARN Refused a grafana alerts delivery: a wrong bearer token or signature (metric flightdeck.alerts.rejected)",
                    "WARN Refused a sentry alerts delivery: a wrong bearer token or signature (metric flightdeck.alerts.rejected)");
        }
        assertThat(registry.counter(RejectedAlerts.METRIC, "source", "grafana", "reason", "wrong-token").count())
                .isEqualTo(5);
    }
}
