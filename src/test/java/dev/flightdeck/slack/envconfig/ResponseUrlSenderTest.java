package dev.flightdeck.slack.envconfig;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.composition.BlockCompositions;
import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.slack.api.ResponseUrlSender;
import dev.flightdeck.slack.api.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The "respond later" helper: answers reach the response_url; Slack hiccups are retried, refusals are not. */
class ResponseUrlSenderTest {

    HttpServer server;
    final Deque<Integer> statuses = new ArrayDeque<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<Long> receivedNanos = new CopyOnWriteArrayList<>();
    volatile String retryAfter = "0";
    final ResponseUrlSender sender = new ResponseUrlSender(Slack.getInstance(),
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), 0.5, Duration.ofMillis(10), Duration.ofSeconds(1)));

    void start(Integer... answers) throws IOException {
        statuses.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/response/", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            receivedNanos.add(System.nanoTime());
            int status;
            synchronized (statuses) {
                status = statuses.isEmpty() ? 200 : statuses.pop();
            }
            if (status == 429) {
                ex.getResponseHeaders().set("Retry-After", retryAfter);
            }
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/R1";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anEphemeralAnswerIsPosted() throws IOException {
        start();
        assertThat(sender.respond(url(), "Config of commons in prod", List.of())).isTrue();
        assertThat(bodies).singleElement().asString().contains("\"response_type\":\"ephemeral\"", "Config of commons in prod");
    }

    @Test
    void blocksArePostedAsSlackReadsThem() throws IOException {
        start();
        assertThat(sender.respond(url(), "Config of commons", List.of(Blocks.section(s -> s.text(
                BlockCompositions.markdownText("*commons* <prod>")))))).isTrue();
        JsonObject posted = JsonParser.parseString(bodies.get(0)).getAsJsonObject();
        assertThat(posted.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(posted.get("text").getAsString()).isEqualTo("Config of commons");
        JsonObject section = posted.getAsJsonArray("blocks").get(0).getAsJsonObject();
        assertThat(section.get("type").getAsString()).isEqualTo("section");
        assertThat(section.getAsJsonObject("text").get("text").getAsString()).isEqualTo("*commons* <prod>");
    }

    @Test
    void aRateLimitedAnswerWaitsForSlacksRetryAfter() throws IOException {
        retryAfter = "1";
        start(429);
        assertThat(sender.respond(url(), "hello", List.of())).isTrue();
        assertThat(bodies).hasSize(2);
        assertThat(Duration.ofNanos(receivedNanos.get(1) - receivedNanos.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void rateLimitsAndServerErrorsAreRetried() throws IOException {
        start(429, 503);
        assertThat(sender.respond(url(), "hello", List.of())).isTrue();
        assertThat(bodies).hasSize(3);
    }

    @Test
    void anExpiredUrlIsNotRetriedAndAFailureIsReportedAfterTheLastAttempt() throws IOException {
        start(404, 500, 500, 500);
        assertThat(sender.respond(url(), "hello", List.of())).isFalse();
        assertThat(bodies).hasSize(1);
        assertThat(sender.respond(url(), "hello", List.of())).isFalse();
        assertThat(bodies).hasSize(4);
    }
}
