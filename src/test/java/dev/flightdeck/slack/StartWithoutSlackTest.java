package dev.flightdeck.slack;

import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.LogCapture;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.api.SlackStartup;

/** With no Slack settings the service starts, serves health, and says exactly what to set. */
class StartWithoutSlackTest {

    @Test
    void startsServesHealthAndNamesTheVariablesToSet() throws Exception {
        try (FakeSlack slack = new FakeSlack().start();
             LogCapture log = new LogCapture(SlackStartup.class);
             LogCapture signin = new LogCapture(dev.flightdeck.web.signin.AccessLink.class);
             EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of(
                     "slack.bot-token", "", "slack.signing-secret", "", "slack.app-token", "")))) {
            HttpClient http = HttpClient.newHttpClient();
            assertThat(status(http, server.getURI(), "/health/liveness")).isEqualTo(200);
            assertThat(status(http, server.getURI(), "/health/readiness")).isEqualTo(200);
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.getURI() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"slack\"").contains("NOT_CONFIGURED");

            String said = String.join("\n", log.lines());
            assertThat(said).contains("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "/slack/events");

            var reply = new SignedRequests(TestApp.SIGNING_SECRET).forWorkspace(slack)
                    .slashCommand("/deploy", "help", "U0ALICE001", "C0NOSLACK1", slack.responseUrl()).send(server.getURI());
            assertThat(reply.status()).isEqualTo(503);

            // The pages work without Slack: people show as their ids, and nothing asks Slack for names.
            slack.addUser("U0KNOWNBYSLACK", "Chen Li");
            var incident = server.getApplicationContext().getBean(dev.flightdeck.incident.IncidentRepository.class)
                    .create(new dev.flightdeck.incident.IncidentRepository.NewIncident("No Slack here",
                            dev.flightdeck.incident.Severity.SEV3, "U0KNOWNBYSLACK", "C0NOSLACK1",
                            java.time.Instant.now(), java.util.Optional.empty()));
            java.util.regex.Matcher token = java.util.regex.Pattern.compile("/signin\\?token=([A-Za-z0-9_-]{40,})")
                    .matcher(String.join("\n", signin.lines()));
            assertThat(token.find()).isTrue();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            status(browser, server.getURI(), "/signin?token=" + token.group(1));
            HttpResponse<String> md = browser.send(HttpRequest.newBuilder(URI.create(server.getURI() + "/incidents/"
                    + incident.number() + "/summary.md")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(md.statusCode()).isEqualTo(200);
            assertThat(md.body()).contains("**Commander:** U0KNOWNBYSLACK").doesNotContain("Chen Li");
            assertThat(slack.calls()).isEmpty();
        }
    }

    private static int status(HttpClient http, URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
