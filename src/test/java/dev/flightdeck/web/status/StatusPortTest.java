package dev.flightdeck.web.status;

import dev.flightdeck.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page on its own loopback port serves the three status routes and nothing else: the manager pages, the
 * sign-in, the Slack edge (even a correctly signed request), hooks, health and metrics all answer 404 there, while
 * the main port still serves them.
 */
class StatusPortTest {

    final StatusApp app = StatusApp.shared();

    @Test
    void theStatusPortAnswersTheStatusRoutesAndNotFoundToEverythingElse() {
        URI port = app.statusPortUri();
        assertThat(port.getPort()).isNotEqualTo(app.uri().getPort());

        for (String path : List.of("/status", "/status.json", "/status.atom")) {
            HttpResponse<String> r = app.get(port, path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
            assertThat(r.headers().firstValue("Set-Cookie")).as(path).isEmpty();
        }
        assertThat(app.get(port, "/status").body()).contains(StatusApp.NAME, "<ul class=\"services\">");
        HttpResponse<String> head = app.send(HttpRequest.newBuilder(port.resolve("/status"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);

        for (String path : List.of("/", "/incidents", "/incidents/1", "/deploys", "/delivery", "/signin",
                "/signin?token=x", "/health", "/health/liveness", "/prometheus", "/metrics", "/status/", "/status.html",
                "/hooks/aws/events")) {
            HttpResponse<String> r = app.get(port, path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Set-Cookie")).as(path).isEmpty();
        }
        var signed = app.signed.slashCommand("/incident", "list", app.user("kim"), app.channel("ops"),
                app.slack.responseUrl());
        assertThat(signed.send(port).status()).as("a signed Slack request on the status port").isEqualTo(404);
        assertThat(app.send(HttpRequest.newBuilder(port.resolve("/status"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build()).statusCode()).isEqualTo(404);

        assertThat(app.get(app.uri(), "/health/liveness").statusCode()).as("the main port").isEqualTo(200);
        assertThat(app.get(app.uri(), "/incidents").statusCode()).as("sign-in first, on the main port").isIn(401, 302, 303);
        assertThat(signed.send(app.uri()).status()).isEqualTo(200);
    }

    @Test
    void withoutASettingThereIsNoStatusPortAndTheMainPortStillServesThePage() {
        TestApp main = TestApp.shared();
        assertThat(main.bean(StatusPort.class).boundPort()).isEmpty();
        assertThat(app.get(main.uri(), "/status").statusCode()).isEqualTo(200);
        assertThat(app.get(main.uri(), "/status.json").body()).contains("\"components\"");
    }
}
