package dev.flightdeck.persistence.deploy;

import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.persistence.H2Databases;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.slack.deploy.DeploySlackIds;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one Go click costs the database, counted statement by statement through a counting JDBC driver while the click
 * travels the real edge (a signed Slack request) into an H2-backed app. Prod's auto-start is off here, so the count
 * is the go's alone. The figures are ceilings: raise one only for a reason worth a round trip.
 */
class GoRoundTripsTest {

    /**
     * Reads and writes of deploy_request, deploy_approval, deploy_check and deploy_checklist_item for one approving
     * Go click: the read that authorises, then under the row lock the request, its checks, its checklist (an open
     * one holds the auto-start), the in-flight holder, its approvals, the approval and the state change; the
     * message is redrawn from what was read (11 when each step re-read, 7 before checklists).
     */
    static final int GO_DEPLOY_STATEMENTS = 8;

    /**
     * Writes of one /deploy request: the row; its check results, one batch; and its go/no-go message's ts, which
     * Slack gives only after the post (and the post needs the row's id, in its buttons and page link), so it cannot
     * be part of the row's insert. (10 when each of prod's 7 checks was its own insert and the ts was stored twice.)
     */
    static final int REQUEST_DEPLOY_WRITES = 3;

    static FakeSlack slack;
    static EmbeddedServer server;
    static DeployDriver d;

    @BeforeAll
    static void startApp() {
        slack = new FakeSlack().start();
        String db = H2Databases.inMemoryUrl("go_round_trips_" + UUID.randomUUID().toString().replace("-", ""));
        String files = Path.of("flightdeck.example.yml").toAbsolutePath() + ","
                + Path.of("src/test/resources/teamconfig/deploy-go-round-trips.yml").toAbsolutePath();
        // No timers: the scheduler's and poller's reads would land in the count.
        server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of(
                "datasources.default.url", db,
                "datasources.default.driver-class-name", CountingDriver.class.getName(),
                "micronaut.config.files", files,
                "flightdeck.deploy.scheduler-interval", "1h")));
        d = new DeployDriver(slack, server);
        d.moveToWindow(true);
    }

    @AfterAll
    static void stopApp() {
        server.close();
        slack.stop();
    }

    @Test
    void oneGoClickReadsTheRequestOnceAndWritesOnce() throws InterruptedException {
        var p = d.request("commons", DeployDriver.newVersion(), "prod", REQUESTER, "");
        quiet();
        CountingDriver.reset();

        d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
        d.awaitThreadReply(p, "<@" + RM1 + "> go ahead");
        d.awaitUpdate(p, "APPROVED");
        quiet();

        String me = Thread.currentThread().getName();
        List<CountingDriver.Executed> app = CountingDriver.executed().stream().filter(e -> !e.thread().equals(me)).toList();
        List<CountingDriver.Executed> deploy = app.stream().filter(e -> e.touches("deploy_request")
                || e.touches("deploy_approval") || e.touches("deploy_check") || e.touches("deploy_checklist_item")).toList();
        String goThread = deploy.stream().filter(e -> e.touches("deploy_approval") && e.sql().toLowerCase().startsWith("insert"))
                .findFirst().orElseThrow().thread();
        long onGoThread = app.stream().filter(e -> e.thread().equals(goThread)).count();
        System.out.println("Go click: " + deploy.size() + " deploy statements, " + onGoThread + " statements on the go's thread, "
                + app.size() + " in all");
        app.forEach(e -> System.out.println("  " + e.thread() + ": " + e.sql().replaceAll("\\s+", " ")));
        assertThat(d.repository().find(p.id()).orElseThrow().state()).isEqualTo(DeployState.APPROVED);
        assertThat(deploy).hasSize(GO_DEPLOY_STATEMENTS);
    }

    @Test
    void aDeployRequestWritesItsRowAndItsChecks() throws InterruptedException {
        quiet();
        CountingDriver.reset();
        var p = d.request("commons", DeployDriver.newVersion(), "prod", REQUESTER, "");
        quiet();

        String me = Thread.currentThread().getName();
        List<CountingDriver.Executed> writes = CountingDriver.executed().stream().filter(e -> !e.thread().equals(me))
                .filter(e -> e.touches("deploy_request") || e.touches("deploy_check"))
                .filter(e -> !e.sql().strip().toUpperCase().startsWith("SELECT")).toList();
        System.out.println("/deploy request: " + writes.size() + " deploy writes");
        writes.forEach(e -> System.out.println("  " + e.thread() + ": " + e.sql().replaceAll("\\s+", " ")));
        assertThat(d.repository().find(p.id()).orElseThrow().messageTs()).isEqualTo(p.ts());
        assertThat(writes).hasSize(REQUEST_DEPLOY_WRITES);
    }

    /** Lets the click's after-ack work (outbox sends, message refresh) finish before counting. */
    private static void quiet() throws InterruptedException {
        int seen = -1;
        while (seen != CountingDriver.executed().size()) {
            seen = CountingDriver.executed().size();
            Thread.sleep(500);
        }
    }
}
