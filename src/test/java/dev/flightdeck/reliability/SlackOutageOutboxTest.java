package dev.flightdeck.reliability;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.slack.api.outbox.OutboxWorker;
import dev.flightdeck.testing.FakeMessage;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.Fault;
import dev.flightdeck.testing.LogCapture;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.TestApp;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.deploy.DeploySlackIds;

/**
 * Slack answering 5xx for longer than the gateway's five tries delays a deploy's messages (the
 * go-ahead, the card update, the build notice) instead of dropping them; they arrive once each, in order, when Slack
 * is back, and the backlog shows in /health and the metric meanwhile. The timers are off: the test moves the clock and
 * runs the outbox itself.
 */
class SlackOutageOutboxTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static FakeSlack slack;
    static EmbeddedServer server;
    static DeployDriver d;

    @BeforeAll
    static void start() {
        slack = new FakeSlack().start();
        server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of(
                "flightdeck.outbox.interval", "1h", "flightdeck.deploy.scheduler-interval", "1h",
                "incident-jobs.interval", "1h")));
        d = new DeployDriver(slack, server);
    }

    @AfterAll
    static void stop() {
        server.close();
        slack.stop();
    }

    @Test
    void aBuildNoticeOutlastsMoreSlackFailuresThanTheGatewayTriesAndArrivesOnceWhenSlackIsBack() throws Exception {
        d.moveToWindow(true);
        String version = DeployDriver.newVersion();
        DeployDriver.Posted p = d.request("commons", version, "prod", REQUESTER, "");
        OutboxWorker worker = d.context().getBean(OutboxWorker.class);
        MutableClock clock = d.clock;

        int before = faulted();
        // Slack fails every chat.postMessage for 12 calls: more than two rounds of the gateway's five tries.
        slack.failNext("chat.postMessage", Fault.times(12, Fault.httpStatus(503)));
        try (LogCapture gateway = new LogCapture(dev.flightdeck.slack.api.SlackGateway.class)) {
            d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
            d.awaitState(p.id(), DeployState.RUNNING);
            await(() -> gateway.lines().stream().anyMatch(l -> l.contains("chat.postMessage failed after 5 attempt(s)")));
        }
        await(() -> faulted() - before == 5);
        // The first round gave up; nothing is lost: it waits in the outbox, visible in /health and the metric.
        assertThat(started(p, version)).isEmpty();
        JsonObject outbox = health().getAsJsonObject("details").getAsJsonObject("outbox");
        assertThat(outbox.get("status").getAsString()).isIn("UP", "BEHIND");
        assertThat(outbox.getAsJsonObject("details").get("pending").getAsLong()).isGreaterThanOrEqualTo(3);
        assertThat(backlog()).isGreaterThanOrEqualTo(3);

        clock.advance(Duration.ofSeconds(30));
        worker.runDue();
        assertThat(faulted() - before).isEqualTo(10);
        assertThat(started(p, version)).isEmpty();

        clock.advance(Duration.ofSeconds(60)); // the second wait doubles
        worker.runDue();
        assertThat(faulted() - before).isEqualTo(12);

        // Slack is back: the go-ahead, the update and the build notice (channel and thread) arrive once each, in order.
        List<FakeMessage> thread = d.thread(p);
        assertThat(thread).filteredOn(m -> m.allText().contains("go ahead")).hasSize(1);
        assertThat(started(p, version)).hasSize(1);
        assertThat(thread).filteredOn(m -> m.allText().contains("PROD: Job commons-prod-server #") && m.allText().contains("started"))
                .hasSize(1);
        int goAhead = indexOf(thread, m -> m.allText().contains("go ahead"));
        int notice = indexOf(thread, m -> m.allText().contains("started by"));
        assertThat(goAhead).isLessThan(notice);
        assertThat(d.message(p).allText()).contains("RUNNING");
        assertThat(backlog()).isZero();
        assertThat(worker.runDue()).as("nothing left to send").isZero();
        assertThat(started(p, version)).hasSize(1);
    }

    @Test
    void aMessageSlackNeverTookExpiresLoudlyInTheLogTheMetricAndHealth() throws Exception {
        d.moveToWindow(true);
        String version = DeployDriver.newVersion();
        slack.failNext("chat.postMessage", Fault.times(5, Fault.httpStatus(503)));
        String url = slack.responseUrl();
        d.command("billing " + version + " to prod", REQUESTER, url);
        assertThat(slack.awaitResponse(url, WAIT).text()).contains("will be posted in #deploys as soon as it does");
        long id = d.repository().history("billing", java.util.Optional.of("prod"), 50).stream()
                .filter(r -> r.version().equals(version)).findFirst().orElseThrow().id();
        MeterRegistry meters = d.context().getBean(MeterRegistry.class);

        try (LogCapture log = new LogCapture(OutboxWorker.class)) {
            d.clock.advance(Duration.ofHours(6).plusMinutes(1)); // flightdeck.outbox.expire-after: 6h
            d.context().getBean(OutboxWorker.class).runDue();
            assertThat(log.lines()).anyMatch(l -> l.contains("gave up on deploy:" + id) && l.contains("expired"));
        }
        assertThat(goNoGos(version)).isEmpty();
        assertThat(meters.get("flightdeck.outbox.given_up").tag("reason", "expired").counter().count()).isGreaterThanOrEqualTo(1);
        JsonObject outbox = health().getAsJsonObject("details").getAsJsonObject("outbox");
        assertThat(outbox.get("status").getAsString()).isEqualTo("BEHIND");
        assertThat(outbox.getAsJsonObject("details").getAsJsonArray("givenUp").toString())
                .contains("deploy:" + id, "EXPIRED", "not delivered within PT6H");
    }

    private static List<FakeMessage> goNoGos(String version) {
        String channel = slack.channel("deploys").orElseThrow().id();
        return slack.messagesIn(channel).stream().filter(m -> m.allText().contains("using version " + version)).toList();
    }

    private static int faulted() {
        return (int) slack.calls("chat.postMessage").stream().filter(c -> c.fault() != null).count();
    }

    /** The build's start notice in the channel itself (not the thread). */
    private static List<FakeMessage> started(DeployDriver.Posted p, String version) {
        return slack.messagesIn(p.channel()).stream().filter(m -> !m.isThreadReply()
                && m.allText().contains("PROD: Job commons-prod-server #") && m.allText().contains("started by")).toList();
    }

    private static int indexOf(List<FakeMessage> messages, Predicate<FakeMessage> matching) {
        for (int i = 0; i < messages.size(); i++) {
            if (matching.test(messages.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static double backlog() {
        return d.context().getBean(MeterRegistry.class).get("flightdeck.outbox.backlog").gauge().value();
    }

    private static JsonObject health() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(d.uri() + "/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            ReplicaProcess.sleep(20);
        }
    }
}
