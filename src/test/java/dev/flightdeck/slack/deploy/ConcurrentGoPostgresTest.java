package dev.flightdeck.slack.deploy;

import dev.flightdeck.audit.AuditEvent;
import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.AuditQuery;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.PostgresDatabase;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static dev.flightdeck.slack.deploy.DeployDriver.LEAD;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static dev.flightdeck.slack.deploy.DeployDriver.RM2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas (application contexts) on one PostgreSQL; 20 go clicks from three approvers at once, spread over
 * both: one approval, one transition to APPROVED, one build trigger; every other click is refused with an answer.
 */
class ConcurrentGoPostgresTest {

    static final int CLICKS = 20;
    static PostgresDatabase postgres;
    static FakeSlack slack;
    static EmbeddedServer replicaA;
    static EmbeddedServer replicaB;

    @BeforeAll
    static void start() {
        postgres = PostgresDatabase.create();
        slack = new FakeSlack().start();
        Map<String, Object> overrides = new HashMap<>(postgres.micronautProperties());
        overrides.put("flightdeck.deploy.scheduler-interval", "1h");
        replicaA = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, overrides));
        replicaB = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, overrides));
    }

    @AfterAll
    static void stop() {
        replicaA.close();
        replicaB.close();
        slack.stop();
        postgres.close();
    }

    @Test
    void twentyConcurrentGoClicksOnTwoReplicasMakeOneApprovalAndOneStart() throws Exception {
        DeployDriver a = new DeployDriver(slack, replicaA);
        DeployDriver b = new DeployDriver(slack, replicaB);
        a.moveToWindow(true);
        b.clock.set(a.clock.instant());
        String version = DeployDriver.newVersion();
        var p = a.request("commons", version, "prod", REQUESTER, "");

        List<String> approvers = List.of(RM1, RM2, LEAD);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLICKS);
        List<Future<Integer>> clicks = new ArrayList<>();
        for (int i = 0; i < CLICKS; i++) {
            DeployDriver replica = i % 2 == 0 ? a : b;
            String user = approvers.get(i % approvers.size());
            var request = replica.signed().blockAction(DeploySlackIds.DEPLOY_GO, DeploySlackIds.DEPLOY_ACTIONS_BLOCK, String.valueOf(p.id()),
                    user, p.channel(), p.ts(), slack.responseUrl());
            clicks.add(pool.submit(() -> {
                go.await();
                return request.send(replica.uri()).status();
            }));
        }
        go.countDown();
        for (Future<Integer> click : clicks) {
            assertThat(click.get()).isEqualTo(200);
        }
        pool.shutdown();

        a.awaitState(p.id(), DeployState.RUNNING);
        // Every click but the winner is answered, so all 20 have been decided once 19 refusals arrived.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (refusals(version) < CLICKS - 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(refusals(version)).isEqualTo(CLICKS - 1);

        AuditLog audit = a.context().getBean(AuditLog.class);
        Pattern mine = Pattern.compile("\"request\":" + p.id() + "[,}]");
        List<AuditEvent> approvals = audit.find(AuditQuery.newestFirst(1000).ofTypes("deploy.approval")).stream()
                .filter(e -> mine.matcher(e.payloadJson()).find()).toList();
        // The start (TRIGGERING, then RUNNING) runs after the winning click's ack: wait for it to be recorded.
        List<AuditEvent> transitions = transitions(audit, mine);
        while (transitions.size() < 3 && System.nanoTime() < deadline + Duration.ofSeconds(20).toNanos()) {
            Thread.sleep(20);
            transitions = transitions(audit, mine);
        }
        assertThat(approvals).hasSize(1);
        assertThat(transitions).extracting(e -> e.payloadJson().replaceAll(".*\"to\":\"([A-Z_]+)\".*", "$1"))
                .containsExactly("APPROVED", "TRIGGERING", "RUNNING");
        assertThat(a.repository().approvals(p.id())).hasSize(1);
        assertThat(a.backend().triggersOf(p.id()) + b.backend().triggersOf(p.id())).isEqualTo(1);
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> p.ts().equals(c.param("thread_ts"))
                && c.allText().contains("go ahead and run the PROD build")).count()).isEqualTo(1);
    }

    private static long refusals(String version) {
        return slack.calls("chat.postEphemeral").stream().filter(c -> c.text() != null && c.text().contains(version)).count();
    }

    @Test
    void bothReplicasRunningTheSchedulerAtOnceSendEachNudgeOnceAndExpireOnce() throws Exception {
        DeployDriver a = new DeployDriver(slack, replicaA);
        DeployDriver b = new DeployDriver(slack, replicaB);
        a.moveToWindow(true);
        var p = a.request("billing", DeployDriver.newVersion(), "prod", REQUESTER, "");
        var requestedAt = a.repository().find(p.id()).orElseThrow().requestedAt();
        var schedulerA = a.context().getBean(dev.flightdeck.deploy.DeployScheduler.class);
        var schedulerB = b.context().getBean(dev.flightdeck.deploy.DeployScheduler.class);

        for (Duration after : List.of(Duration.ofMinutes(15), Duration.ofHours(4))) {
            a.clock.set(requestedAt.plus(after));
            b.clock.set(requestedAt.plus(after));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                var scheduler = i % 2 == 0 ? schedulerA : schedulerB;
                runs.add(pool.submit(() -> {
                    go.await();
                    return scheduler.runDue();
                }));
            }
            go.countDown();
            int handled = 0;
            for (Future<Integer> run : runs) {
                handled += run.get();
            }
            pool.shutdown();
            assertThat(handled).isEqualTo(1);
        }
        assertThat(a.thread(p).stream().filter(m -> m.allText().contains("for a go/no-go")).count()).isEqualTo(1);
        assertThat(a.thread(p).stream().filter(m -> m.allText().contains("expired after 4h")).count()).isEqualTo(1);
        assertThat(a.repository().find(p.id()).orElseThrow().state()).isEqualTo(DeployState.EXPIRED);
    }

    private static List<AuditEvent> transitions(AuditLog audit, Pattern mine) {
        return audit.find(AuditQuery.oldestFirst(1000).ofTypes("deploy.state_changed")).stream()
                .filter(e -> mine.matcher(e.payloadJson()).find()).toList();
    }
}
