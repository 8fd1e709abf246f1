package dev.flightdeck.slack;

import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.FakeSocketModeServer;
import dev.flightdeck.testing.Fault;
import dev.flightdeck.testing.LogCapture;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.api.SlackStartup;

/**
 * A team behind a VPN sets SLACK_APP_TOKEN wrong on the first try: the log and /health say what Slack answered and
 * what to fix (not the SDK's "The wss URL for using Socket Mode is absent"), never the token, and once Slack accepts
 * the token the socket opens without a restart.
 */
class SocketModeStartTest {

    @Test
    void aRefusedAppTokenIsExplainedInTheLogAndHealthAndTheSocketOpensOnceSlackAcceptsIt() throws Exception {
        try (FakeSlack slack = new FakeSlack().start();
             FakeSocketModeServer socket = new FakeSocketModeServer();
             LogCapture log = new LogCapture(SlackStartup.class)) {
            slack.socketModeUrl(socket.url());
            slack.failNext("apps.connections.open", Fault.times(1000, Fault.error("invalid_auth")));
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of(
                    "slack.app-token", FakeSlack.APP_TOKEN, "slack.signing-secret", "",
                    "flightdeck.slack.socket-retry", "1s")))) {
                String said = String.join("\n", log.lines());
                assertThat(said).contains("apps.connections.open answered invalid_auth",
                        "SLACK_APP_TOKEN is not a valid app-level token", "connections:write");
                assertThat(said).doesNotContain(FakeSlack.APP_TOKEN, FakeSlack.BOT_TOKEN);
                assertThat(health(server)).contains("\"socketMode\":\"not connected: apps.connections.open answered invalid_auth");

                slack.clearFaults();
                socket.awaitConnected(Duration.ofSeconds(20));
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!health(server).contains("\"socketMode\":\"connected\"") && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(health(server)).contains("\"socketMode\":\"connected\"");
            }
        }
    }

    private static String health(EmbeddedServer server) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURI() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
