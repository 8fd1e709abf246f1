package dev.flightdeck.slack.deploy;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.DeployAnnouncer;
import dev.flightdeck.deploy.DeployAudit;
import dev.flightdeck.deploy.DeployNews;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployScheduler;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.persistence.H2Databases;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.flightdeck.slack.deploy.DeployDriver.LEAD;
import static dev.flightdeck.slack.deploy.DeployDriver.OUTSIDER;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static dev.flightdeck.slack.deploy.DeployDriver.RUNNER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prod with two approvals and auto-start off (teamconfig/deploy-manual-start.yml over the example file): pending
 * after one go, the runner's Start, nudges, the runner ping, expiry, and a restart between request and decision.
 */
class DeployManualStartTest {

    static FakeSlack slack;
    static String dbUrl;
    static EmbeddedServer server;
    DeployDriver d;

    @BeforeAll
    static void startApp() {
        slack = new FakeSlack().start();
        dbUrl = H2Databases.inMemoryUrl("deploy_manual_" + UUID.randomUUID().toString().replace("-", ""));
        server = start();
    }

    static EmbeddedServer start() {
        String files = Path.of("flightdeck.example.yml").toAbsolutePath() + ","
                + Path.of("src/test/resources/teamconfig/deploy-manual-start.yml").toAbsolutePath();
        // The timer stays out of the way: the tests move the clock and run the scheduler themselves.
        return ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of(
                "datasources.default.url", dbUrl, "micronaut.config.files", files,
                "flightdeck.deploy.scheduler-interval", "1h")));
    }

    @AfterAll
    static void stopApp() {
        server.close();
        slack.stop();
    }

    @BeforeEach
    void driver() {
        d = new DeployDriver(slack, server);
        d.moveToWindow(true);
    }

    @Test
    void twoApprovalsAreNeededAndThenOnlyTheRunnersStartTriggersTheBuildOnce() {
        var p = d.request("commons", DeployDriver.newVersion(), "prod", REQUESTER, " runner <@" + RUNNER + ">");

        d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
        d.awaitThreadReply(p, "<@" + RM1 + "> said go (1 of 2 approvals)");
        assertThat(d.repository().find(p.id()).orElseThrow().state()).isEqualTo(DeployState.REQUESTED);
        d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
        d.awaitEphemeral(RM1, "You already said go");
        d.click(DeploySlackIds.DEPLOY_START, p, RUNNER);
        d.awaitEphemeral(RUNNER, "needs a go from an approver");

        d.click(DeploySlackIds.DEPLOY_GO, p, LEAD);
        d.awaitThreadReply(p, "<@" + LEAD + "> go ahead and run the PROD build");
        d.awaitState(p.id(), DeployState.APPROVED);
        d.awaitUpdate(p, "APPROVED by <@" + LEAD + ">");
        assertThat(DeployDriver.buttons(d.message(p))).extracting(b -> b[0])
                .containsExactly(DeploySlackIds.DEPLOY_START, DeploySlackIds.DEPLOY_CANCEL);
        assertThat(d.backend().triggersOf(p.id())).isZero();

        d.click(DeploySlackIds.DEPLOY_START, p, OUTSIDER);
        d.awaitEphemeral(OUTSIDER, "Only the runner <@" + RUNNER + ">");
        d.click(DeploySlackIds.DEPLOY_START, p, RUNNER);
        d.awaitState(p.id(), DeployState.RUNNING);
        d.click(DeploySlackIds.DEPLOY_START, p, RUNNER);
        d.awaitEphemeral(RUNNER, "has already started");
        assertThat(d.backend().triggersOf(p.id())).isEqualTo(1);
        d.finishInFlight();
    }

    @Test
    void approversAreNudgedEveryFifteenMinutesFourTimesAndTheRequestExpiresAfterFourHours() {
        Instant t0 = d.moveToWindow(true).plusSeconds(7);
        d.clock.set(t0);
        var p = d.request("billing", DeployDriver.newVersion(), "prod", REQUESTER, "");
        DeployScheduler scheduler = d.context().getBean(DeployScheduler.class);

        d.clock.set(t0.plus(Duration.ofMinutes(14)));
        scheduler.runDue();
        assertThat(nudges(p)).isZero();

        d.clock.set(t0.plus(Duration.ofMinutes(15)));
        scheduler.runDue();
        scheduler.runDue();
        var first = d.awaitThreadReply(p, "has waited 15 minutes for a go/no-go");
        assertThat(first.text()).containsPattern("<!subteam\\^S[A-Z0-9]+> <@U0LEAD>");
        assertThat(nudges(p)).isEqualTo(1);

        for (int minutes = 30; minutes <= 120; minutes += 15) {
            d.clock.set(t0.plus(Duration.ofMinutes(minutes)));
            scheduler.runDue();
        }
        assertThat(nudges(p)).isEqualTo(DeployScheduler.MAX_NUDGES);

        d.clock.set(t0.plus(Duration.ofHours(4)).minusSeconds(1));
        scheduler.runDue();
        assertThat(d.repository().find(p.id()).orElseThrow().state()).isEqualTo(DeployState.REQUESTED);
        d.clock.set(t0.plus(Duration.ofHours(4)));
        scheduler.runDue();
        assertThat(d.repository().find(p.id()).orElseThrow().state()).isEqualTo(DeployState.EXPIRED);
        d.awaitThreadReply(p, "expired after 4h without a decision");
        d.awaitUpdate(p, "EXPIRED");
        assertThat(DeployDriver.buttons(d.message(p))).isEmpty();
        d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
        d.awaitEphemeral(RM1, "already finished: expired");
    }

    @Test
    void theRunnerIsPingedTenMinutesAfterGoWhenTheBuildWasNotStarted() {
        var p = d.request("reports", DeployDriver.newVersion(), "prod", REQUESTER, " runner <@" + RUNNER + ">");
        d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
        d.awaitThreadReply(p, "said go (1 of 2");
        d.click(DeploySlackIds.DEPLOY_GO, p, LEAD);
        Instant approvedAt = d.awaitState(p.id(), DeployState.APPROVED).stateChangedAt();
        DeployScheduler scheduler = d.context().getBean(DeployScheduler.class);

        d.clock.set(approvedAt.plus(Duration.ofMinutes(9)));
        scheduler.runDue();
        d.clock.set(approvedAt.plus(Duration.ofMinutes(10)));
        scheduler.runDue();
        var ping = d.awaitThreadReply(p, "was approved 10 minutes ago and has not been started");
        assertThat(ping.text()).startsWith("<@" + RUNNER + ">");
        assertThat(d.thread(p).stream().filter(m -> m.allText().contains("has not been started")).count()).isEqualTo(1);
        d.finishInFlight();
    }

    @Test
    void aRestartBetweenRequestAndDecisionLosesNothing() {
        String version = DeployDriver.newVersion();
        var p = d.request("web", version, "prod", REQUESTER, "");
        Instant requestedAt = d.repository().find(p.id()).orElseThrow().requestedAt();
        d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
        d.awaitThreadReply(p, "said go (1 of 2");

        server.close();
        server = start();
        d = new DeployDriver(slack, server);
        d.clock.set(requestedAt.plus(Duration.ofMinutes(15)));

        d.context().getBean(DeployScheduler.class).runDue();
        d.awaitThreadReply(p, "has waited 15 minutes");
        assertThat(d.repository().approvals(p.id())).extracting(a -> a.approverId()).containsExactly(RM1);
        d.click(DeploySlackIds.DEPLOY_GO, p, LEAD);
        d.awaitState(p.id(), DeployState.APPROVED);
        d.awaitUpdate(p, "2 of 2 from");
        d.click(DeploySlackIds.DEPLOY_START, p, REQUESTER);
        d.awaitState(p.id(), DeployState.RUNNING);
        assertThat(d.backend().triggersOf(p.id())).isEqualTo(1);
        d.finishInFlight();
    }

    @Test
    void aNudgeClaimedByAReplicaThatDiedBeforeSendingIsSentWhenTheLeaseEnds() {
        Instant t0 = d.moveToWindow(true).plusSeconds(11);
        d.clock.set(t0);
        var p = d.request("billing", DeployDriver.newVersion(), "prod", REQUESTER, "");
        DeployScheduler scheduler = d.context().getBean(DeployScheduler.class);
        Instant due = t0.plus(Duration.ofMinutes(15));
        d.clock.set(due);
        // The dead replica's half of the work: the claim, and no message.
        DeployRequest read = d.repository().dueNudges(due, 1000).stream().filter(r -> r.id() == p.id())
                .findFirst().orElseThrow();
        assertThat(d.repository().claimNudge(read, due.plus(DeployScheduler.CLAIM_LEASE))).isTrue();

        scheduler.runDue();
        d.clock.set(due.plus(DeployScheduler.CLAIM_LEASE).minusSeconds(1));
        scheduler.runDue();
        assertThat(nudges(p)).as("the lease still holds").isZero();

        d.clock.set(due.plus(DeployScheduler.CLAIM_LEASE));
        scheduler.runDue();
        scheduler.runDue();
        d.awaitThreadReply(p, "for a go/no-go");
        assertThat(nudges(p)).isEqualTo(1);
        DeployRequest after = d.repository().find(p.id()).orElseThrow();
        assertThat(after.nudgesSent()).isEqualTo(1);
        assertThat(after.nextNudgeAt()).isEqualTo(due.plus(DeployScheduler.CLAIM_LEASE).plus(Duration.ofMinutes(15)));
    }

    @Test
    void aNudgeSentByAReplicaThatDiedBeforeCountingItIsNotSentAgain() {
        var p = diedAfterClaiming(true);
        assertThat(nudges(p)).isEqualTo(1);
        long looked = slack.calls("conversations.replies").stream().filter(c -> p.ts().equals(c.param("ts"))).count();

        runPastTheLease(p);
        assertThat(nudges(p)).as("the thread had it: not posted again").isEqualTo(1);
        assertThat(slack.calls("conversations.replies").stream().filter(c -> p.ts().equals(c.param("ts"))).count())
                .as("looked in the thread first").isEqualTo(looked + 1);
        assertThat(d.repository().find(p.id()).orElseThrow().nudgesSent()).as("and counted").isEqualTo(1);
    }

    @Test
    void aNudgeRecordedByAReplicaThatDiedBeforeSendingItIsSentOnce() {
        var p = diedAfterClaiming(false);
        runPastTheLease(p);
        d.awaitThreadReply(p, "for a go/no-go");
        assertThat(nudges(p)).isEqualTo(1);
        assertThat(d.repository().find(p.id()).orElseThrow().nudgesSent()).isEqualTo(1);
    }

    /** A replica's nudge up to its audit event, and the message too if {@code sent}; then it dies (nothing counted). */
    private DeployDriver.Posted diedAfterClaiming(boolean sent) {
        Instant t0 = d.moveToWindow(true).plusSeconds(11);
        d.clock.set(t0);
        var p = d.request("billing", DeployDriver.newVersion(), "prod", REQUESTER, "");
        Instant due = t0.plus(Duration.ofMinutes(15));
        d.clock.set(due);
        DeployRequest read = d.repository().dueNudges(due, 1000).stream().filter(r -> r.id() == p.id())
                .findFirst().orElseThrow();
        assertThat(d.repository().claimNudge(read, due.plus(DeployScheduler.CLAIM_LEASE))).isTrue();
        String key = read.id() + ":" + read.state() + ":1";
        assertThat(d.context().getBean(Auditor.class).recordFirst(DeployAudit.NUDGED, DeployAudit.SCHEDULER, key,
                Map.of("request", read.id(), "who", "approvers", "number", 1))).isTrue();
        if (sent) {
            d.context().getBean(DeployAnnouncer.class).reply(read,
                    new DeployNews.ApproversNudged(java.util.List.of(), Duration.ofMinutes(15)), "nudge:" + key);
        }
        return p;
    }

    private void runPastTheLease(DeployDriver.Posted p) {
        DeployScheduler scheduler = d.context().getBean(DeployScheduler.class);
        d.clock.set(d.clock.instant().plus(DeployScheduler.CLAIM_LEASE));
        scheduler.runDue();
        scheduler.runDue();
        assertThat(d.repository().find(p.id()).orElseThrow().nudgesSent()).isEqualTo(1);
    }

    private long nudges(DeployDriver.Posted p) {
        return d.thread(p).stream().filter(m -> m.allText().contains("for a go/no-go")).count();
    }
}
