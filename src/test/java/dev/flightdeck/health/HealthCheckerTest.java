package dev.flightdeck.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Deep health checks against a local HTTP server: answers, failures, the timeout, and the SSRF guard. */
class HealthCheckerTest {

    static HttpServer server;
    static final CountDownLatch release = new CountDownLatch(1);
    static final AtomicInteger metadataCalls = new AtomicInteger();
    static final HealthChecker checker = new HealthChecker(Duration.ofMillis(500));

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/micronaut", ex -> send(ex, 200,
                "{\"status\":\"UP\",\"details\":{\"jdbc\":{\"status\":\"UP\",\"details\":{\"database\":\"H2\"}},"
                        + "\"redis\":{\"status\":\"DOWN\",\"details\":{\"error\":\"Unable to connect to localhost:6379\"}}}}"));
        server.createContext("/spring", ex -> send(ex, 503,
                "{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"DOWN\",\"details\":{\"error\":\"timeout\"}},"
                        + "\"queues\":{\"status\":\"UP\",\"components\":{\"emails\":{\"status\":\"UP\"},"
                        + "\"bounces\":{\"status\":\"OUT_OF_SERVICE\"}}}}}"));
        server.createContext("/text", ex -> send(ex, 200, "OK"));
        server.createContext("/hang", ex -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "{}");
        });
        server.createContext("/moved", ex -> redirect(ex, "/micronaut"));
        server.createContext("/away", ex -> redirect(ex, "http://169.254.169.254/latest/meta-data/iam/"));
        server.createContext("/loop", ex -> redirect(ex, "/loop"));
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterAll
    static void stop() {
        release.countDown();
        server.stop(0);
    }

    static URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void micronautFormatGivesStatusLatencyAndEachDependency() {
        var report = (HealthReport.Answered) checker.check(url("/micronaut"));

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.overall()).contains("UP");
        assertThat(report.latency()).isPositive().isLessThan(Duration.ofSeconds(5));
        assertThat(report.dependencies()).containsExactly(
                new DependencyHealth("jdbc", "UP", Optional.empty()),
                new DependencyHealth("redis", "DOWN", Optional.of("Unable to connect to localhost:6379")));
        assertThat(report.healthy()).isFalse();
    }

    @Test
    void springBootFormatWith503AndNestedComponents() {
        var report = (HealthReport.Answered) checker.check(url("/spring"));

        assertThat(report.statusCode()).isEqualTo(503);
        assertThat(report.dependencies()).extracting(d -> d.name() + " " + d.status()).containsExactly(
                "db DOWN", "queues/emails UP", "queues/bounces OUT_OF_SERVICE");
        assertThat(report.dependencies().get(0).detail()).contains("timeout");
        assertThat(report.healthy()).isFalse();
    }

    @Test
    void aBodyInNoKnownFormatLeavesTheStatusCodeToSpeak() {
        var report = (HealthReport.Answered) checker.check(url("/text"));
        assertThat(report.dependencies()).isEmpty();
        assertThat(report.overall()).isEmpty();
        assertThat(report.healthy()).isTrue();
    }

    @Test
    void aServerThatHangsIsReportedAsTimedOutWithinTheTimeout() {
        long started = System.nanoTime();
        HealthReport report = checker.check(url("/hang"));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(report).isInstanceOf(HealthReport.TimedOut.class);
        assertThat(((HealthReport.TimedOut) report).timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(millis).isBetween(400L, 3000L);
    }

    @Test
    void nothingListeningIsUnreachable() {
        assertThat(checker.check(URI.create("http://127.0.0.1:9/health"))).isInstanceOf(HealthReport.Unreachable.class);
    }

    @Test
    void linkLocalAndMetadataAddressesAreNeverCalled() {
        for (String refused : List.of("http://169.254.169.254/latest/meta-data/", "http://169.254.10.1:8080/health",
                "http://[fe80::1]/health", "http://0.0.0.0:80/", "file:///etc/passwd")) {
            assertThat(checker.check(URI.create(refused))).as(refused).isInstanceOf(HealthReport.Refused.class);
        }
        assertThat(((HealthReport.Refused) checker.check(URI.create("http://169.254.169.254/"))).why())
                .contains("169.254.169.254", "link-local or metadata");
    }

    @Test
    void aRedirectWithinTheHostIsFollowedOneToAnotherHostIsNot() {
        assertThat(checker.check(url("/moved"))).isInstanceOf(HealthReport.Answered.class);

        HealthReport away = checker.check(url("/away"));
        assertThat(away).isInstanceOf(HealthReport.Refused.class);
        assertThat(((HealthReport.Refused) away).why()).isEqualTo("redirects to http://169.254.169.254, another host; not followed");
        assertThat(checker.check(url("/loop"))).isInstanceOf(HealthReport.Unreachable.class);
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
