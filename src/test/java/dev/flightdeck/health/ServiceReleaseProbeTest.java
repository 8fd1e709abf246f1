package dev.flightdeck.health;

import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.alarms.Alarm;
import dev.flightdeck.alarms.AlarmService;
import dev.flightdeck.config.ParseResult;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.config.TeamConfigParser;
import dev.flightdeck.deploy.ReleaseProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The post-release probe against a real local HTTP service and a fake alarm store. */
class ServiceReleaseProbeTest {

    final AtomicReference<String> body = new AtomicReference<>("{\"status\":\"UP\",\"details\":{\"db\":{\"status\":\"UP\"}}}");
    final AtomicReference<Integer> status = new AtomicReference<>(200);
    final AtomicReference<List<Alarm>> alarms = new AtomicReference<>(List.of());
    final HttpServer service = start();

    HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.createContext("/health", ex -> {
                byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(status.get(), b.length);
                ex.getResponseBody().write(b);
                ex.close();
            });
            s.start();
            return s;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        service.stop(0);
    }

    ReleaseProbe probe(String services) {
        String yaml = """
                flightdeck:
                  environments:
                    prod: { channel: "#deploys", approvals: 0 }
                  services:
                %s""".formatted(services);
        TeamConfig team = ((ParseResult.Valid) TeamConfigParser.parseText("team.yml", yaml)).config();
        return new ServiceReleaseProbe(team, new HealthChecker(Duration.ofSeconds(2)), new AlarmService(team, s -> alarms.get()));
    }

    String shop() {
        return """
                    shop:
                      build: { codebuild: { project: "shop-{env}" } }
                      alarms: { prefix: "shop-{env}-" }
                      health: { prod: "http://127.0.0.1:%d/health" }
                """.formatted(service.getAddress().getPort());
    }

    @Test
    void healthyAndQuietIsHealthy() {
        ReleaseProbe.Result r = probe(shop()).probe("shop", "prod");
        assertThat(r.watched()).isTrue();
        assertThat(r.healthy()).isTrue();
        assertThat(r.text()).startsWith("health 200 in ").endsWith("no alarms firing");
    }

    @Test
    void aDownDependencyOrAFiringAlarmIsNamed() {
        status.set(503);
        body.set("{\"status\":\"DOWN\",\"details\":{\"db\":{\"status\":\"DOWN\"},\"cache\":{\"status\":\"UP\"}}}");
        alarms.set(List.of(new Alarm("shop-prod-5xx", Alarm.Kind.METRIC, Alarm.State.ALARM, "5xx > 10", Instant.EPOCH)));
        ReleaseProbe.Result r = probe(shop()).probe("shop", "prod");
        assertThat(r.healthy()).isFalse();
        assertThat(r.text()).isEqualTo("health answered 503, down: db; alarm shop-prod-5xx in ALARM");
    }

    @Test
    void aServiceWithNothingToWatchIsNotWatched() {
        ReleaseProbe.Result r = probe("""
                    tool:
                      build: { codebuild: { project: "tool-{env}" } }
                """).probe("tool", "prod");
        assertThat(r.watched()).isFalse();
        assertThat(r.text()).contains("no health URL or alarms");
    }
}
