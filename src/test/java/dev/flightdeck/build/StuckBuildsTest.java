package dev.flightdeck.build;

import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.AuditQuery;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.wake.Waker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.flightdeck.slack.deploy.DeployDriver.DEVELOPER;
import static dev.flightdeck.slack.deploy.DeployDriver.OUTSIDER;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.deploy.DeploySlackIds;

/**
 * A deploy never stays TRIGGERING or RUNNING forever (teamconfig/ci-backends.yml: build-silence 10m in dev and
 * staging). Webhooks are configured for every backend here, so before build-silence nothing is polled.
 */
class StuckBuildsTest {

    static final AtomicInteger BUILDS = new AtomicInteger(700);
    final CiApp app = CiApp.shared();
    final DeployDriver d = app.driver;

    @AfterEach
    void releaseLocks() {
        d.finishInFlight();
    }

    @Test
    void aSilentBuildItsBackendDoesNotKnowEndsFailedWithTheReasonAndFreesTheLock() {
        int number = BUILDS.incrementAndGet();
        String url = app.ci.url() + "/job/platform/job/ledger-dev/" + number + "/";
        String version = DeployDriver.newVersion();
        d.backend().startVersionAs(version, "platform/ledger-dev build #" + number, url);
        var p = d.request("ledger", version, "dev", REQUESTER, "");
        d.awaitState(p.id(), DeployState.RUNNING);
        String apiPath = "/job/platform/job/ledger-dev/" + number + "/api/json";

        d.clock.advance(Duration.ofMinutes(9));
        app.poller().runDue();
        assertThat(app.ci.received("GET", apiPath)).isEmpty();
        assertThat(d.repository().find(p.id()).orElseThrow().state()).isEqualTo(DeployState.RUNNING);

        d.clock.advance(Duration.ofMinutes(2));
        app.poller().runDue();

        d.awaitState(p.id(), DeployState.FAILED);
        assertThat(app.ci.received("GET", apiPath)).isNotEmpty();
        d.awaitThreadReply(p, "No news of this build for 10m, and Jenkins has no build at " + url
                + " (HTTP 404). Marked failed; ledger in DEV is free to deploy again.");
        d.awaitThreadReply(p, "DEV: Job platform/ledger-dev build #" + number + " failed by <@" + REQUESTER + ">.");
        app.poller().runDue();
        assertThat(d.thread(p).stream().filter(m -> m.allText().contains("No news of this build"))).hasSize(1);

        // The lock is free: the next deploy of ledger to dev starts.
        var next = d.request("ledger", DeployDriver.newVersion(), "dev", REQUESTER, "");
        d.awaitState(next.id(), DeployState.RUNNING);
    }

    /** The poller wakes when a build has been silent for build-silence (the app's cap is an hour), not on a beat. */
    @Test
    void thePollerSleepsUntilARunningBuildHasBeenSilentForBuildSilenceThenPollsIt() {
        int number = BUILDS.incrementAndGet();
        String url = app.ci.url() + "/job/platform/job/ledger-dev/" + number + "/";
        String version = DeployDriver.newVersion();
        d.backend().startVersionAs(version, "platform/ledger-dev build #" + number, url);
        var p = d.request("ledger", version, "dev", REQUESTER, "");
        d.awaitState(p.id(), DeployState.RUNNING);
        String apiPath = "/job/platform/job/ledger-dev/" + number + "/api/json";
        Waker waker = Waker.manual("poll", app.poller().wakeJob(), d.clock, Duration.ofHours(1));

        assertThat(waker.pass()).as("webhooks arrive for Jenkins: asleep until the build is silent")
                .isEqualTo(Duration.ofMinutes(10));
        d.clock.advance(Duration.ofMinutes(9));
        assertThat(waker.pass()).isEqualTo(Duration.ofMinutes(1));
        assertThat(app.ci.received("GET", apiPath)).isEmpty();

        d.clock.advance(Duration.ofMinutes(1));
        waker.pass();
        assertThat(app.ci.received("GET", apiPath)).as("polled once due").isNotEmpty();
        d.awaitState(p.id(), DeployState.FAILED);
        assertThat(waker.pass()).as("nothing in flight: the cap").isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aTriggerLeftByACrashEndsTriggerFailedAndRetryStartsTheBuild() {
        var p = approvedInStaging();
        // Flightdeck stopped right after writing TRIGGERING, before the backend answered: no build recorded.
        DeployRequest approved = d.repository().find(p.id()).orElseThrow();
        assertThat(d.repository().transition(approved, approved.moved(DeployState.TRIGGERING, REQUESTER, null,
                d.clock.instant(), null))).isTrue();

        d.clock.advance(Duration.ofMinutes(11));
        app.poller().runDue();

        d.awaitState(p.id(), DeployState.TRIGGER_FAILED);
        d.awaitThreadReply(p, "the build trigger did not finish within 10m and no build of this deploy was found."
                + " Check CI, then press *Retry*");
        d.awaitUpdate(p, DeploySlackIds.DEPLOY_RETRY);
        d.click(DeploySlackIds.DEPLOY_RETRY, p, REQUESTER);
        d.awaitState(p.id(), DeployState.RUNNING);
    }

    @Test
    void aTriggerLeftByACrashIsFoundAtGithubByItsDeployIdAndFollowedToTheEnd() {
        var p = approvedInStaging("octo-repo");
        DeployRequest approved = d.repository().find(p.id()).orElseThrow();
        assertThat(d.repository().transition(approved, approved.moved(DeployState.TRIGGERING, REQUESTER, null,
                d.clock.instant(), null))).isTrue();
        String runs = "/repos/octo-org/octo-repo/actions/workflows/test.yml/runs";
        // The newest run's title names this deploy; the other names a deploy whose id merely starts the same way.
        app.ci.on("GET " + runs, r -> FakeBuildServer.Answer.of(200, """
                {"total_count":2,"workflow_runs":[
                  {"id":900,"run_number":170,"display_title":"Deploy octo-repo 1.0 to staging (flightdeck #%d1)",
                   "html_url":"https://github.com/octo-org/octo-repo/actions/runs/900","status":"completed"},
                  {"id":901,"run_number":171,"display_title":"Deploy octo-repo %s to staging (flightdeck #%d)",
                   "html_url":"https://github.com/octo-org/octo-repo/actions/runs/901","status":"in_progress"}]}"""
                .formatted(p.id(), approved.version(), p.id())));
        app.ci.on("GET /repos/octo-org/octo-repo/actions/runs/901", r -> FakeBuildServer.Answer.of(200,
                "{\"id\":901,\"status\":\"completed\",\"conclusion\":\"success\"}"));

        d.clock.advance(Duration.ofMinutes(11));
        app.poller().runDue();

        d.awaitState(p.id(), DeployState.RUNNING);
        d.awaitThreadReply(p, "Found this deploy's build, which Flightdeck lost track of while starting it: test.yml run #171."
                + " More info at: https://github.com/octo-org/octo-repo/actions/runs/901");
        d.clock.advance(Duration.ofMinutes(11));
        app.poller().runDue();
        d.awaitState(p.id(), DeployState.SUCCEEDED);
        assertThat(app.ci.received("GET", runs).get(0).header("Authorization")).startsWith("Bearer ");
    }

    @Test
    void anApproverCancelsAStuckBuildWithAReasonAndOthersAreRefused() {
        var p = approvedInStaging();
        d.click(DeploySlackIds.DEPLOY_START, p, REQUESTER);
        d.awaitState(p.id(), DeployState.RUNNING);

        assertThat(cancel(p.id() + " -- the build vanished", OUTSIDER))
                .contains("is running: only an approver of STAGING can cancel it now");
        assertThat(cancel(String.valueOf(p.id()), DEVELOPER)).contains("cancelling it needs a reason",
                "/deploy cancel " + p.id() + " -- <reason>");
        assertThat(d.repository().find(p.id()).orElseThrow().state()).isEqualTo(DeployState.RUNNING);

        // The reason is repeated in the deploy's thread: what a member typed there pings nobody (Slack sends a
        // typed @here in a slash command as the live token <!here>).
        assertThat(cancel(p.id() + " -- the build vanished <!here> <https://evil.example|see log>", DEVELOPER))
                .contains("Cancelled deploy");

        d.awaitState(p.id(), DeployState.CANCELLED);
        var reply = d.awaitThreadReply(p, "<@" + DEVELOPER + "> cancelled this deploy while its build was running: the build vanished");
        assertThat(reply.allText()).doesNotContain("<!here", "<https://evil").contains("@here");
        assertThat(d.context().getBean(AuditLog.class).find(AuditQuery.newestFirst(50).ofTypes("deploy.state_changed"))
                .stream().map(e -> e.payloadJson()).filter(j -> j.contains("\"request\":" + p.id() + ",")))
                .anySatisfy(j -> assertThat(j).contains("\"to\":\"CANCELLED\"", "\"reason\":\"the build vanished"));
        var next = approvedInStaging();
        assertThat(d.repository().find(next.id()).orElseThrow().state()).isEqualTo(DeployState.APPROVED);
    }

    private DeployDriver.Posted approvedInStaging() {
        return approvedInStaging("ledger");
    }

    private DeployDriver.Posted approvedInStaging(String service) {
        var p = d.request(service, DeployDriver.newVersion(), "staging", REQUESTER, "");
        d.click(DeploySlackIds.DEPLOY_GO, p, DEVELOPER);
        d.awaitState(p.id(), DeployState.APPROVED);
        return p;
    }

    /** The answer the user sees to {@code /deploy cancel …}: the follow-up sent to the command's response URL. */
    private String cancel(String args, String user) {
        String responseUrl = d.slack.responseUrl();
        d.command("cancel " + args, user, responseUrl);
        return d.slack.awaitCall(dev.flightdeck.testing.FakeSlack.RESPONSE_URL, c -> responseUrl.equals(
                c.param(dev.flightdeck.testing.FakeSlack.RESPONSE_URL)) && c.text() != null
                && !c.text().contains("Cancelling deploy #"), WAIT).text();
    }
}
