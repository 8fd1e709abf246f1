package dev.flightdeck.build;

import dev.flightdeck.deploy.DeployRechecks;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.slack.deploy.DeploySlackIds;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.wake.Waker;
import dev.flightdeck.wake.Wakeups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static dev.flightdeck.slack.deploy.DeployDriver.DEVELOPER;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gate ci end to end: service {@code hello} (repo Codertocat/Hello-World on the loopback FakeGitHub) requested through
 * signed Slack requests; CI's runs and statuses set on the fake; GitHub's own check_suite and workflow_run examples
 * delivered signed to /hooks/github. Staging: one go from @developers, the runner presses Start. Dev: announce only,
 * auto-start.
 */
class CiGateTest {

    static final String REPO = "Codertocat/Hello-World";
    /** The head_sha in GitHub's published check_suite and workflow_run examples, replaced by the test commit's. */
    static final String SUITE_SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    static final String RUN_SHA = "3484a3fb816e0859fd6e1cea078d76385ff50625";

    final CiApp app = CiApp.shared();
    final DeployDriver d = app.driver;
    final DeployRechecks rechecks = d.context().getBean(DeployRechecks.class);

    @AfterEach
    void cleanUp() {
        app.github.checksFailWith(0);
        d.finishInFlight();
    }

    /** A commit tagged with a new version; returns {version, sha}. */
    String[] release() {
        String version = DeployDriver.newVersion();
        FakeGitHub.Repo repo = app.github.repo(REPO);
        String sha = repo.commit("Release " + version, "Codertocat", 0);
        repo.ref(version, sha);
        return new String[] {version, sha};
    }

    @Test
    void aFailingCheckBlocksTheGoNamingEachFailingCheckWithItsLink() {
        String[] rel = release();
        app.github.ci(rel[1]).run("build", "completed", "success").run("lint", "completed", "failure")
                .status("ci/jenkins", "error", "https://jenkins.example.com/job/hello/41/")
                .status("coverage", "success", null);

        var p = d.request("hello", rel[0], "staging", REQUESTER, "");

        String lint = app.github.ci(rel[1]).runUrl(REPO, "lint");
        assertThat(d.message(p).allText()).contains(":no_entry: *ci*: CI failed on `" + rel[1].substring(0, 7) + "`: <"
                + lint + "|lint> (failure), <https://jenkins.example.com/job/hello/41/|ci/jenkins> (error)");
        assertThat(d.message(p).allText()).doesNotContain("|build>", "|coverage>");
        d.click(DeploySlackIds.DEPLOY_GO, p, DEVELOPER);
        d.awaitEphemeral(DEVELOPER, "is blocked by *ci*");
        assertThat(d.repository().approvals(p.id())).isEmpty();
        d.click(DeploySlackIds.DEPLOY_CANCEL, p, REQUESTER);
        d.awaitState(p.id(), DeployState.CANCELLED);
    }

    /** The re-checks wake for the earliest recheck time (the app's cap is an hour), not on a fixed beat. */
    @Test
    void theRecheckWakerSleepsUntilTheWaitingCheckIsDueRunsItThenSleepsItsCap() {
        String[] rel = release();
        app.github.ci(rel[1]).run("build", "in_progress", null);
        String checkRuns = "/repos/" + REPO + "/commits/" + rel[1] + "/check-runs";
        Waker live = d.context().getBean(Wakeups.class).waker(Wakeups.RECHECK).orElseThrow();

        var p = d.request("hello", rel[0], "staging", REQUESTER, "");

        assertThat(live.nextLookIn()).as("storing the waiting check woke the waker for its minute, not the hour")
                .hasValueSatisfying(in -> assertThat(in).isLessThanOrEqualTo(Duration.ofMinutes(1)));
        Waker waker = Waker.manual("recheck", rechecks.wakeJob(), d.clock, live.cap());
        int reads = app.github.received(checkRuns).size();
        assertThat(waker.pass()).as("asleep until the recheck is due").isEqualTo(Duration.ofMinutes(1));
        assertThat(app.github.received(checkRuns)).hasSize(reads);

        app.github.ci(rel[1]).run("build", "completed", "success");
        d.clock.advance(Duration.ofMinutes(1));
        waker.pass();
        assertThat(app.github.received(checkRuns)).as("ran it when due").hasSize(reads + 1);
        d.awaitThreadReply(p, ":white_check_mark: *ci* passed for deploy #" + p.id());
        // Settled: later passes do not read this commit again (other tests' waiting checks may still be due, so the
        // time to the next look is not asserted here).
        d.clock.advance(Duration.ofMinutes(2));
        waker.pass();
        assertThat(app.github.received(checkRuns)).as("settled, not rechecked").hasSize(reads + 1);
        d.click(DeploySlackIds.DEPLOY_CANCEL, p, REQUESTER);
        d.awaitState(p.id(), DeployState.CANCELLED);
    }

    @Test
    void aPendingCheckWaitsThenTurnsGreenByItselfOnTheMinuteRecheckWithTheMessageUpdatedInPlace() {
        String[] rel = release();
        app.github.ci(rel[1]).run("build", "completed", "success").run("e2e", "in_progress", null);
        String checkRuns = "/repos/" + REPO + "/commits/" + rel[1] + "/check-runs";

        var p = d.request("hello", rel[0], "staging", REQUESTER, "");

        String e2e = app.github.ci(rel[1]).runUrl(REPO, "e2e");
        assertThat(d.message(p).allText()).contains(":hourglass_flowing_sand: *ci*: waiting for CI: <" + e2e + "|e2e> on `"
                + rel[1].substring(0, 7) + "`");
        // Waiting holds the start, not the goes.
        d.click(DeploySlackIds.DEPLOY_GO, p, DEVELOPER);
        d.awaitState(p.id(), DeployState.APPROVED);
        // The go's reply does not tell the runner to press a Start that would be refused.
        d.awaitThreadReply(p, "press *Start* once *ci* passes.");
        d.click(DeploySlackIds.DEPLOY_START, p, REQUESTER);
        d.awaitEphemeral(REQUESTER, "cannot start yet: *ci* (waiting for CI:");
        assertThat(d.repository().find(p.id()).orElseThrow().state()).isEqualTo(DeployState.APPROVED);

        app.github.ci(rel[1]).run("e2e", "completed", "success");
        int reads = app.github.received(checkRuns).size();
        rechecks.runDue();
        assertThat(app.github.received(checkRuns)).as("not due before its minute").hasSize(reads);

        d.clock.advance(Duration.ofSeconds(61));
        assertThat(rechecks.runDue()).isPositive();

        assertThat(app.github.received(checkRuns)).hasSize(reads + 1);
        d.awaitUpdate(p, ":white_check_mark: *ci*: CI passed on `" + rel[1].substring(0, 7) + "`: all 3 checks are green"
                .replace("3", "2"));
        d.awaitThreadReply(p, ":white_check_mark: *ci* passed for deploy #" + p.id());
        assertThat(d.repository().checks(p.id())).filteredOn(c -> c.name().equals("ci"))
                .singleElement().satisfies(c -> {
                    assertThat(c.stopsStart()).isFalse();
                    assertThat(c.recheckAt()).isNull();
                });
        // Settled: no more reads however long it waits.
        d.clock.advance(Duration.ofMinutes(5));
        rechecks.runDue();
        assertThat(app.github.received(checkRuns)).hasSize(reads + 1);

        d.click(DeploySlackIds.DEPLOY_START, p, REQUESTER);
        d.awaitState(p.id(), DeployState.RUNNING);
    }

    @Test
    void aCheckSuiteCompletionRechecksAtOnceAndAnAutoStartDeployThatOnlyWaitedForCiStarts() {
        String[] rel = release();
        app.github.ci(rel[1]).run("build", "queued", null);

        var p = d.request("hello", rel[0], "dev", REQUESTER, "");
        assertThat(d.message(p).allText()).contains(":hourglass_flowing_sand: *ci*: waiting for CI:");
        // Announce only: the policy's go is in, the start waits for CI.
        d.awaitState(p.id(), DeployState.APPROVED);
        assertThat(d.backend().triggersOf(p.id())).isZero();

        app.github.ci(rel[1]).run("build", "completed", "success");
        String suite = CiApp.vendor("github/check_suite.completed.json").replace(SUITE_SHA, rel[1]);
        HttpResponse<String> answer = app.github("check_suite", "application/json", suite);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("checked CI again for 1 deploy waiting on " + rel[1].substring(0, 7));
        d.awaitUpdate(p, ":white_check_mark: *ci*: CI passed on");
        d.awaitThreadReply(p, "passed for deploy #" + p.id() + " (hello " + rel[0] + " to DEV)");
        d.awaitThreadReply(p, "Starting the build now.");
        d.awaitState(p.id(), DeployState.RUNNING);
        assertThat(d.backend().triggersOf(p.id())).isOne();

        // The same delivery again: nothing waits on that commit any more.
        HttpResponse<String> again = app.github("check_suite", "application/json", suite);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).contains("no deploy waits for CI on " + rel[1].substring(0, 7));
    }

    @Test
    void aWorkflowRunCompletionAsGithubsDefaultFormBodyRechecksAtOnceAndARedResultBlocks() {
        String[] rel = release();
        app.github.ci(rel[1]).run("test", "in_progress", null);
        var p = d.request("hello", rel[0], "staging", REQUESTER, "");
        assertThat(d.message(p).allText()).contains("waiting for CI:");

        app.github.ci(rel[1]).run("test", "completed", "timed_out");
        String run = CiApp.vendor("github/workflow_run.completed.json").replace(RUN_SHA, rel[1]);
        app.github("workflow_run", "application/x-www-form-urlencoded",
                "payload=" + java.net.URLEncoder.encode(run, java.nio.charset.StandardCharsets.UTF_8));

        String test = app.github.ci(rel[1]).runUrl(REPO, "test");
        d.awaitUpdate(p, ":no_entry: *ci*: CI failed on `" + rel[1].substring(0, 7) + "`: <" + test + "|test> (timed_out)");
        d.awaitThreadReply(p, ":no_entry: *ci* now blocks deploy #" + p.id());
        d.click(DeploySlackIds.DEPLOY_GO, p, DEVELOPER);
        d.awaitEphemeral(DEVELOPER, "is blocked by *ci*");
        d.click(DeploySlackIds.DEPLOY_CANCEL, p, REQUESTER);
        d.awaitState(p.id(), DeployState.CANCELLED);
    }

    @Test
    void gitHubDownSaysCouldNotReadBlocksIsRecheckedAndAnApproverCanOverride() {
        String[] rel = release();
        app.github.checksFailWith(500);

        var p = d.request("hello", rel[0], "staging", REQUESTER, "");

        String unreadable = ":no_entry: *ci*: could not read CI status: GitHub answered HTTP 500 for " + REPO;
        assertThat(d.message(p).allText()).contains(unreadable);
        d.click(DeploySlackIds.DEPLOY_GO, p, DEVELOPER);
        d.awaitEphemeral(DEVELOPER, "is blocked by *ci*");

        // Still down a minute later: read again, nothing new to say.
        String status = "/repos/" + REPO + "/commits/" + rel[0] + "/status";
        int reads = app.github.received(status).size();
        d.clock.advance(Duration.ofSeconds(61));
        rechecks.runDue();
        assertThat(app.github.received(status).size()).isGreaterThan(reads);
        assertThat(d.repository().checks(p.id())).filteredOn(c -> c.name().equals("ci"))
                .singleElement().satisfies(c -> assertThat(c.blocking()).isTrue());

        d.click(DeploySlackIds.DEPLOY_OVERRIDE, p, DEVELOPER);
        d.slack.awaitCall("views.open", c -> c.param("view").contains(DeploySlackIds.DEPLOY_OVERRIDE_MODAL)
                && c.param("view").contains(rel[0]), DeployDriver.WAIT);
        override(p, "GitHub is down; CI was green on main", DEVELOPER);
        d.awaitThreadReply(p, "<@" + DEVELOPER + "> overrode *ci*");
        d.awaitUpdate(p, "overridden by <@" + DEVELOPER + ">: _GitHub is down; CI was green on main_");

        // Overridden: no longer re-checked, and the go goes through.
        int after = app.github.received(status).size();
        d.clock.advance(Duration.ofSeconds(61));
        rechecks.runDue();
        assertThat(app.github.received(status)).hasSize(after);
        d.click(DeploySlackIds.DEPLOY_GO, p, DEVELOPER);
        d.awaitState(p.id(), DeployState.APPROVED);
    }

    private SignedRequest.Reply override(DeployDriver.Posted p, String reason, String user) {
        return d.signed().viewSubmission(DeploySlackIds.DEPLOY_OVERRIDE_MODAL, p.id() + ":" + p.channel(),
                Map.of(DeploySlackIds.DEPLOY_REASON, Map.of(DeploySlackIds.DEPLOY_REASON, reason)), user).send(d.uri());
    }
}
