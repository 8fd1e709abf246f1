package dev.flightdeck.reliability;

import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployScheduler;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.slack.api.outbox.OutboxWorker;
import dev.flightdeck.testing.FakeMessage;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.Fault;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.PostgresDatabase;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request whose go/no-go never reached Slack survives the process. One request's message
 * is queued but Slack was down when the app stopped; another's was never queued (the process died between storing the
 * request and queuing its message). Two fresh replicas on the same PostgreSQL database, running their timers at the
 * same moment, post each go/no-go exactly once and store where it landed.
 */
class OutboxRestartTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void goNoGoMessagesLeftUnpostedByAStoppedAppArePostedOnceByTheReplicasThatFollow() throws Exception {
        FakeSlack slack = new FakeSlack().start();
        try (PostgresDatabase db = PostgresDatabase.create()) {
            Map<String, Object> settings = new HashMap<>(Map.of("flightdeck.outbox.interval", "1h",
                    "flightdeck.deploy.scheduler-interval", "1h", "incident-jobs.interval", "1h"));
            settings.putAll(db.micronautProperties());
            EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, settings));
            DeployDriver d = new DeployDriver(slack, first);
            d.moveToWindow(true);

            String queued = DeployDriver.newVersion();
            String unqueued = DeployDriver.newVersion();
            for (String version : List.of(queued, unqueued)) {
                slack.failNext("chat.postMessage", Fault.times(5, Fault.httpStatus(503)));
                String url = slack.responseUrl();
                d.command("commons " + version + " to prod", REQUESTER, url);
                assertThat(slack.awaitResponse(url, WAIT).text()).contains("is recorded as #",
                        "its go/no-go message will be posted in #deploys as soon as it does");
            }
            long queuedId = stored(d.repository(), queued).id();
            long unqueuedId = stored(d.repository(), unqueued).id();
            try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                    "DELETE FROM slack_outbox WHERE message_key = ?")) {
                s.setString(1, "deploy:" + unqueuedId);
                assertThat(s.executeUpdate()).isEqualTo(1); // as if the process had died before queuing it
            }
            Instant stoppedAt = d.clock.instant();
            first.close();
            assertThat(goNoGos(slack, queued)).isEmpty();

            // Slack is back; two replicas start on the same database and run their timers at once, twice.
            EmbeddedServer a = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, settings));
            EmbeddedServer b = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, settings));
            try {
                for (EmbeddedServer replica : List.of(a, b)) {
                    replica.getApplicationContext().getBean(MutableClock.class).set(stoppedAt.plus(Duration.ofMinutes(2)));
                }
                for (int run = 0; run < 2; run++) {
                    CompletableFuture.allOf(CompletableFuture.runAsync(() -> timers(a)),
                            CompletableFuture.runAsync(() -> timers(b))).join();
                }

                DeployRepository repository = a.getApplicationContext().getBean(DeployRepository.class);
                for (String version : List.of(queued, unqueued)) {
                    List<FakeMessage> posted = goNoGos(slack, version);
                    assertThat(posted).as("go/no-go of %s", version).hasSize(1);
                    // The ts is stored by the send's completion, which may land just after Slack has the message.
                    DeployRequest r = awaitStoredTs(repository, version);
                    assertThat(r.messageTs()).as("its ts is stored").isEqualTo(posted.get(0).ts());
                    assertThat(r.channelId()).isEqualTo(posted.get(0).channel());
                }
                assertThat(repository.find(queuedId).orElseThrow().messageTs()).isNotNull();
            } finally {
                a.close();
                b.close();
            }
        } finally {
            slack.stop();
        }
    }

    /** What the replica's timers do: queue missing go/no-gos, then send what is due. */
    private static void timers(EmbeddedServer replica) {
        replica.getApplicationContext().getBean(DeployScheduler.class).runDue();
        replica.getApplicationContext().getBean(OutboxWorker.class).runDue();
    }

    private static DeployRequest awaitStoredTs(DeployRepository repository, String version) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        DeployRequest r = stored(repository, version);
        while (r.messageTs() == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = stored(repository, version);
        }
        return r;
    }

    private static DeployRequest stored(DeployRepository repository, String version) {
        Optional<DeployRequest> r = repository.history("commons", Optional.of("prod"), 50).stream()
                .filter(x -> x.version().equals(version)).findFirst();
        return r.orElseThrow();
    }

    private static List<FakeMessage> goNoGos(FakeSlack slack, String version) {
        String channel = slack.channel("deploys").orElseThrow().id();
        return slack.messagesIn(channel).stream().filter(m -> !m.isThreadReply()
                && m.allText().contains("using version " + version)).toList();
    }
}
