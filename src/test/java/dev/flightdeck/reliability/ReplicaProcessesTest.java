package dev.flightdeck.reliability;

import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.PostgresDatabase;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import static dev.flightdeck.slack.deploy.DeployDriver.LEAD;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static dev.flightdeck.slack.deploy.DeployDriver.RM2;
import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.deploy.DeploySlackIds;

/**
 * Two Flightdeck processes (separate JVMs) on one PostgreSQL, as two replicas behind a load balancer.
 * 50 concurrent go clicks spread over both make one approval and one build; nudges and incident reminders
 * due while both run are sent once each; after one is killed with SIGKILL the other finishes the due work and the
 * flow goes on. Time is real: the team file sets 2-second nudges and reminders.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaProcessesTest {

    static final int CLICKS = 50;
    static final Duration WAIT = Duration.ofSeconds(30);
    static PostgresDatabase postgres;
    static FakeSlack slack;
    static FakeJenkins jenkins;
    static HangingJenkins hanging;
    static ReplicaProcess a;
    static ReplicaProcess b;
    static SignedRequests signed;
    static String commands;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresDatabase.create();
        slack = new FakeSlack().start();
        DeployDriver.seed(slack);
        slack.addChannel("incidents", REQUESTER, RM1);
        commands = slack.channel("deploy-commands").orElseThrow().id();
        jenkins = new FakeJenkins();
        hanging = new HangingJenkins();
        Path team = Files.createDirectories(Path.of("target", "replicas")).resolve("team-" + postgres.name() + ".yml");
        Files.writeString(team, """
                flightdeck:
                  environments:
                    prod:
                      channel: "#deploys"
                      approvals: 1
                      approvers: ["@release-managers", U0LEAD]
                      gates: [lock]
                      nudge-after: 2s
                      runner-nudge-after: 2s
                  services:
                    commons:
                      build:
                        jenkins: { url: "%1$s", job: "commons-{env}-server", user: deploy-bot, token-env: JENKINS_TOKEN }
                    billing:
                      build:
                        jenkins: { url: "%1$s", job: "billing-{env}-server", user: deploy-bot, token-env: JENKINS_TOKEN }
                    slowci:
                      build:
                        jenkins: { url: "%2$s", job: "slowci-{env}", user: deploy-bot, token-env: JENKINS_TOKEN }
                  incidents:
                    announce-channel: "#incidents"
                    update-every: { sev1: 2s }
                """.formatted(jenkins.url(), hanging.url()));
        Map<String, String> env = Map.of("JENKINS_TOKEN", FakeJenkins.TOKEN);
        // Both JVMs start at once (Flyway's lock on PostgreSQL serialises the migration).
        long started = System.nanoTime();
        a = ReplicaProcess.start("replica-a", slack, postgres, team, env);
        b = ReplicaProcess.start("replica-b", slack, postgres, team, env);
        a.awaitReady(Duration.ofSeconds(90));
        b.awaitReady(Duration.ofSeconds(90));
        System.out.printf("ReplicaProcessesTest: both processes ready after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        signed = new SignedRequests(TestApp.SIGNING_SECRET).forWorkspace(slack);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[]{a, b, jenkins, hanging, slack}) {
            try {
                if (c != null) c.close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
        if (postgres != null) postgres.close();
    }

    @Test
    @Order(1)
    void fiftyConcurrentGoClicksOverTwoProcessesRecordOneApprovalAndStartOneBuild() throws Exception {
        String version = DeployDriver.newVersion();
        Posted p = request(a, "commons", version);

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLICKS);
        List<Future<Integer>> clicks = new ArrayList<>();
        List<String> approvers = List.of(RM1, RM2, LEAD);
        for (int i = 0; i < CLICKS; i++) {
            ReplicaProcess replica = i % 2 == 0 ? a : b;
            var click = signed.blockAction(DeploySlackIds.DEPLOY_GO, DeploySlackIds.DEPLOY_ACTIONS_BLOCK, String.valueOf(p.id), approvers.get(i % 3),
                    p.channel, p.ts, slack.responseUrl());
            clicks.add(pool.submit(() -> {
                go.await();
                return click.send(replica.uri()).status();
            }));
        }
        long clicked = System.nanoTime();
        go.countDown();
        for (Future<Integer> click : clicks) {
            assertThat(click.get()).isEqualTo(200);
        }
        pool.shutdown();
        System.out.printf("ReplicaProcessesTest: %d go clicks answered in %d ms%n", CLICKS, (System.nanoTime() - clicked) / 1_000_000);

        await("deploy #" + p.id + " RUNNING", () -> "RUNNING".equals(state(p.id)));
        await("49 refusals", () -> refusals(version) >= CLICKS - 1);
        ReplicaProcess.sleep(1000); // anything late (a second build, a second approval) would show by now
        assertThat(refusals(version)).isEqualTo(CLICKS - 1);
        assertThat(count("select count(*) from deploy_approval where request_id = ?", p.id)).isEqualTo(1);
        assertThat(jenkins.builds("commons-prod-server")).isEqualTo(1);
        assertThat(jenkins.queries("commons-prod-server").get(0)).contains("DEPLOY_ID=" + p.id);
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> p.ts.equals(c.param("thread_ts"))
                && c.allText().contains("go ahead and run the PROD build")).count()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void dueNudgesAndRemindersAreSentOnceAndSurviveKillingOneReplica() throws Exception {
        String version = DeployDriver.newVersion();
        Posted p = request(a, "billing", version);
        var declared = signed.slashCommand("/incident", "declare replicas lose the database sev1", REQUESTER, commands,
                slack.responseUrl()).send(b.uri());
        assertThat(declared.status()).isEqualTo(200);

        // Both replicas run the due work for a while: the first nudge and the first reminders fall here.
        await("first nudge", () -> nudges(p) >= 1);
        await("first reminder", () -> reminders() >= 1);
        Instant killedAt = Instant.now();
        a.kill();
        assertThat(a.alive()).isFalse();

        // MAX_NUDGES (4) approver nudges, 2 s apart: the rest come from B alone.
        await("four nudges", () -> nudges(p) >= 4);
        await("reminders after the kill", () -> remindersSince(killedAt) >= 2);
        ReplicaProcess.sleep(2500);
        assertThat(nudges(p)).isEqualTo(4);
        List<Instant> nudged = slack.successfulCalls("chat.postMessage").stream().filter(c -> p.ts.equals(c.param("thread_ts"))
                && c.allText().contains("for a go/no-go")).map(FakeSlack.Call::at).sorted().toList();
        for (int i = 1; i < nudged.size(); i++) {
            assertThat(Duration.between(nudged.get(i - 1), nudged.get(i))).isGreaterThan(Duration.ofMillis(1000));
        }
        assertThat(nudgeAudits(p.id)).as("nudged audit events: %s; nudges at %s", rows(
                "select occurred_at || ' ' || payload from audit_event where type = 'deploy.nudged' order by occurred_at"), nudged)
                .isEqualTo(4);
        // Every reminder DM is one due reminder claimed once. A second replica sending the same one would post within
        // milliseconds of the first; due reminders are 2 s apart. And about as many DMs as reminded audit events
        // (one may be between its DM and its audit row, or cut there by the kill).
        List<Instant> sent = slack.successfulCalls("chat.postMessage").stream().filter(c -> REQUESTER.equals(c.channel())
                && c.allText().contains("still has no communicator")).map(FakeSlack.Call::at).sorted().toList();
        // One exception: a DM A had sent when it was killed, before it could count it, is sent again by B once A's
        // outbox lease (3 s) lapses, and may then land close to B's next reminder. Thread replies carry a marker the
        // outbox looks for before sending again; a DM could only be looked for with im:history, which the app does
        // not ask for, so at most that one resend, after the kill, is allowed.
        List<Instant> close = new ArrayList<>();
        for (int i = 1; i < sent.size(); i++) {
            if (Duration.between(sent.get(i - 1), sent.get(i)).compareTo(Duration.ofMillis(1000)) <= 0) {
                close.add(sent.get(i));
            }
        }
        assertThat(close).as("reminders sent within 1 s of the one before: %s", sent).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(at -> assertThat(at).isAfter(killedAt));
        long reminderDms = sent.size();
        long reminderAudits = count("select count(*) from audit_event where type = 'incident.reminded'");
        assertThat(reminderDms).isBetween(reminderAudits - 1, reminderAudits + 1 + close.size());
        assertThat(reminderDms).isGreaterThanOrEqualTo(3);
        System.out.printf("ReplicaProcessesTest: %d nudges, %d reminder DMs (%d after the kill), %d reminded audit events%n",
                nudges(p), reminderDms, remindersSince(killedAt), reminderAudits);

        // The survivor takes the go and starts the build, once.
        var click = signed.blockAction(DeploySlackIds.DEPLOY_GO, DeploySlackIds.DEPLOY_ACTIONS_BLOCK, String.valueOf(p.id), RM1, p.channel, p.ts,
                slack.responseUrl()).send(b.uri());
        assertThat(click.status()).isEqualTo(200);
        await("billing RUNNING", () -> "RUNNING".equals(state(p.id)));
        assertThat(jenkins.builds("billing-prod-server")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aHangingBuildBackendHoldsNoRequestThreadAndItsTimeoutIsToldInTheThread() {
        ReplicaProcess live = b;
        Posted p = request(live, "slowci", DeployDriver.newVersion());
        long started = System.nanoTime();
        var click = signed.blockAction(DeploySlackIds.DEPLOY_GO, DeploySlackIds.DEPLOY_ACTIONS_BLOCK, String.valueOf(p.id), RM1, p.channel, p.ts,
                slack.responseUrl()).send(live.uri());
        long clickMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(click.status()).isEqualTo(200);
        await("the trigger reaching the hung Jenkins", () -> hanging.hung.get() == 1);

        // While the trigger hangs (up to the 3 s build HTTP timeout), the same instance answers others at once.
        long helpStarted = System.nanoTime();
        var help = signed.slashCommand("/deploy", "help", REQUESTER, commands, slack.responseUrl()).send(live.uri());
        long helpMillis = (System.nanoTime() - helpStarted) / 1_000_000;
        assertThat(help.status()).isEqualTo(200);
        assertThat(help.body()).contains("/deploy status");
        assertThat("TRIGGERING").isEqualTo(state(p.id)); // the help was answered while the build call still hung
        assertThat(clickMillis).as("go click ack ms").isLessThan(3000);

        FakeSlack.Call failed = slack.awaitCall("chat.postMessage", c -> p.ts.equals(c.param("thread_ts"))
                && c.allText().contains("Could not start the PROD build of slowci"), WAIT);
        assertThat(failed.allText()).contains("did not answer").doesNotContain("Exception:", "\tat ");
        await("TRIGGER_FAILED", () -> "TRIGGER_FAILED".equals(state(p.id)));
        System.out.printf("ReplicaProcessesTest: go click acked in %d ms, help in %d ms while the build call hung%n",
                clickMillis, helpMillis);
    }

    record Posted(long id, String channel, String ts) {}

    private static Posted request(ReplicaProcess via, String service, String version) {
        var reply = signed.slashCommand("/deploy", service + " " + version + " to prod", REQUESTER, commands,
                slack.responseUrl()).send(via.uri());
        assertThat(reply.status()).isEqualTo(200);
        FakeSlack.Call post = slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") == null && c.ok()
                && c.text() != null && c.text().contains("using version " + version), WAIT);
        var json = post.response().getAsJsonObject();
        long[] id = new long[1];
        await("stored request", () -> (id[0] = count("select coalesce(max(id), 0) from deploy_request where version = ?", version)) > 0);
        return new Posted(id[0], json.get("channel").getAsString(), json.get("ts").getAsString());
    }

    private static long nudges(Posted p) {
        return slack.successfulCalls("chat.postMessage").stream().filter(c -> p.ts.equals(c.param("thread_ts"))
                && c.allText().contains("for a go/no-go")).count();
    }

    private static long nudgeAudits(long id) {
        return count("select count(*) from audit_event where type = 'deploy.nudged' and payload like ?",
                "%\"request\":" + id + "%");
    }

    private static long reminders() {
        return remindersSince(Instant.EPOCH);
    }

    private static long remindersSince(Instant since) {
        return slack.successfulCalls("chat.postMessage").stream().filter(c -> REQUESTER.equals(c.channel())
                && !c.at().isBefore(since) && c.allText().contains("still has no communicator")).count();
    }

    private static long refusals(String version) {
        return slack.calls("chat.postEphemeral").stream().filter(c -> c.text() != null && c.text().contains(version)).count();
    }

    private static String state(long id) {
        try (Connection c = postgres.connect();
             PreparedStatement s = c.prepareStatement("select state from deploy_request where id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rows(String sql) {
        try (Connection c = postgres.connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            List<String> all = new ArrayList<>();
            while (r.next()) {
                all.add(r.getString(1));
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql, Object... args) {
        try (Connection c = postgres.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; logs in " + a.log.toAbsolutePath()
                        + " and " + b.log.toAbsolutePath());
            }
            ReplicaProcess.sleep(50);
        }
    }
}
