package dev.flightdeck.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.testing.Fault;
import dev.flightdeck.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.api.SlackHealthIndicator;

/** Health and metrics as an operator or a load balancer sees them. */
class OperationsEndpointsTest {

    final TestApp app = TestApp.shared();
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthShowsEachDependencyWithStateAndLatency() throws Exception {
        JsonObject details = get("/health").getAsJsonObject("details");
        JsonObject database = details.getAsJsonObject("database");
        assertThat(database.get("status").getAsString()).isEqualTo("UP");
        assertThat(database.getAsJsonObject("details").get("latencyMs").getAsLong()).isGreaterThanOrEqualTo(0);
        JsonObject slack = awaitSlackStatus("UP");
        assertThat(slack.getAsJsonObject("details").has("latencyMs")).isTrue();
    }

    @Test
    void slackGoingDownShowsInHealthButNeverFailsLivenessOrReadiness() throws Exception {
        app.slack.failNext("auth.test", Fault.times(50, Fault.httpStatus(503)));
        try {
            app.clock.advance(SlackHealthIndicator.MAX_AGE.plusSeconds(1));
            int before = app.slack.calls("auth.test").size();
            get("/health"); // answers from the cache at once and starts a fresh check in the background
            app.slack.awaitCall("auth.test", c -> app.slack.calls("auth.test").size() > before && c.status() == 503,
                    Duration.ofSeconds(10));
            JsonObject slack = awaitSlackStatus("UNREACHABLE");
            assertThat(slack.getAsJsonObject("details").get("state").getAsString()).isEqualTo("unreachable");
            assertThat(status("/health/liveness")).isEqualTo(200);
            assertThat(status("/health/readiness")).isEqualTo(200);
        } finally {
            app.slack.clearFaults();
            app.clock.advance(SlackHealthIndicator.MAX_AGE.plusSeconds(1));
            awaitSlackStatus("UP");
        }
    }

    @Test
    void prometheusCountsCommandsByTypeAndOutcomeAndAckLatency() throws Exception {
        app.signed().slashCommand("/deploy", "help", "U0ALICE001", "C0METRICS1", app.slack.responseUrl()).send(app.uri());
        app.signed().slashCommand("/deploy", "frobnicate", "U0ALICE001", "C0METRICS1", app.slack.responseUrl()).send(app.uri());

        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(app.uri().resolve("/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("flightdeck_slack_commands_total\\{[^}]*command=\"deploy\"[^}]*outcome=\"ok\"[^}]*type=\"help\"")
                .containsPattern("flightdeck_slack_commands_total\\{[^}]*outcome=\"invalid\"")
                .containsPattern("flightdeck_slack_ack_seconds_count\\{[^}]*type=\"command\"");
    }

    private JsonObject awaitSlackStatus(String wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonObject slack;
        do {
            slack = get("/health").getAsJsonObject("details").getAsJsonObject("slack");
            if (slack.get("status").getAsString().equals(wanted)) {
                return slack;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Slack health never became " + wanted + ": " + slack);
    }

    private JsonObject get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.uri() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private int status(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.uri() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
