package dev.flightdeck.slack.deploy;

import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.AuditQuery;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.testing.FakeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flightdeck.slack.deploy.DeployDriver.LEAD;
import static dev.flightdeck.slack.deploy.DeployDriver.OUTSIDER;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static dev.flightdeck.slack.deploy.DeployDriver.RUNNER;
import static org.assertj.core.api.Assertions.assertThat;

/** Request → go/no-go message → decisions → start, through /slack/events with the fake Slack. */
class DeployFlowTest {

    final DeployDriver d = DeployDriver.shared();

    @BeforeEach
    void insideTheWindow() {
        d.moveToWindow(true);
    }

    @AfterEach
    void releaseLocks() {
        d.finishInFlight();
    }

    @Test
    void requestPostsTheGoNoGoMessageAnApproverSaysGoAndTheBuildStartsOnce() {
        String v = DeployDriver.newVersion();
        var p = d.request("commons", v, "prod", REQUESTER, "");

        assertThat(p.ack()).startsWith("Checking commons " + v + " for PROD");
        assertThat(d.slack.channel(p.channel()).orElseThrow().name()).isEqualTo("deploys");
        FakeMessage m = d.message(p);
        assertThat(m.text()).matches("I'm about to run a PROD build of commons using version " + v.replace(".", "\\.")
                + ", <!subteam\\^S[A-Z0-9]+> <@U0LEAD> am I clear to go\\?");
        assertThat(DeployDriver.buttons(m)).extracting(b -> b[0] + "=" + b[1]).containsExactly(
                "deploy_go=" + p.id(), "deploy_nogo=" + p.id(), "deploy_start=" + p.id(), "deploy_cancel=" + p.id());
        assertThat(m.allText()).contains("Jenkins job commons-prod-server", "PROD", "<@" + REQUESTER + ">",
                "*window*: inside the deploy window", "*lock*: no other deploy", "*approval*: 1 go needed from @release-managers, <@U0LEAD>",
                "REQUESTED", "<http://localhost:8080/deploys/" + p.id() + "|Deploy #" + p.id() + " page>");

        d.click(DeploySlackIds.DEPLOY_GO, p, RM1);

        d.awaitThreadReply(p, "<@" + RM1 + "> go ahead and run the PROD build");
        d.awaitState(p.id(), DeployState.RUNNING);
        d.awaitUpdate(p, "RUNNING");
        assertThat(d.backend().triggersOf(p.id())).isEqualTo(1);
        assertThat(d.message(p).allText()).contains("go from <@" + RM1 + ">", "commons-prod-server #");
        assertThat(DeployDriver.buttons(d.message(p))).isEmpty();
        var started = d.awaitThreadReply(p, "PROD: Job commons-prod-server #");
        assertThat(started.allText()).contains("started by <@" + REQUESTER + ">", "More info at: https://ci.example.com/build/" + p.id());
        assertThat(started.param("attachments")).contains("#1D9BD1");
        // The start is also announced in the channel itself, not only in the thread.
        assertThat(d.slack.calls("chat.postMessage")).anySatisfy(c -> {
            assertThat(c.channel()).isEqualTo(p.channel());
            assertThat(c.param("thread_ts")).isNull();
            assertThat(c.allText()).contains("PROD: Job commons-prod-server #", "started by");
        });
    }

    @Test
    void theRequesterMayNotApproveTheirOwnProdDeployAndANonApproverIsRefused() {
        String v = DeployDriver.newVersion();
        var p = d.request("commons", v, "prod", LEAD, "");

        d.click(DeploySlackIds.DEPLOY_GO, p, LEAD);
        d.awaitEphemeral(LEAD, "self-approval is off in PROD");
        d.click(DeploySlackIds.DEPLOY_GO, p, OUTSIDER);
        d.awaitEphemeral(OUTSIDER, "Only approvers for PROD can decide");

        assertThat(d.repository().find(p.id()).orElseThrow().state()).isEqualTo(DeployState.REQUESTED);
        assertThat(d.repository().approvals(p.id())).isEmpty();
        assertThat(d.backend().triggersOf(p.id())).isZero();
    }

    @Test
    void aRunnerOtherThanTheRequesterIsAskedToRunIt() {
        String v = DeployDriver.newVersion();
        var p = d.request("web", v, "prod", REQUESTER, " runner <@" + RUNNER + "|runner>");
        assertThat(d.message(p).text()).isEqualTo("<@" + RUNNER + "> please run a PROD build of web using version " + v);
        assertThat(d.message(p).allText()).contains("GitHub Actions acme/web deploy.yml on main");
    }

    @Test
    void noGoAsksForAReasonAndShowsItInTheMessageAndThread() {
        String v = DeployDriver.newVersion();
        var p = d.request("billing", v, "prod", REQUESTER, "");
        d.click(DeploySlackIds.DEPLOY_NOGO, p, RM1);
        var open = d.slack.awaitCall("views.open", c -> c.param("view").contains(v), DeployDriver.WAIT);
        assertThat(open.param("view")).contains(DeploySlackIds.DEPLOY_NOGO_MODAL);
        String meta = p.id() + ":" + p.channel();

        var reply = d.signed().viewSubmission(DeploySlackIds.DEPLOY_NOGO_MODAL, meta,
                java.util.Map.of(DeploySlackIds.DEPLOY_REASON, java.util.Map.of(DeploySlackIds.DEPLOY_REASON, "error rate still high")), RM1)
                .send(d.uri());
        assertThat(reply.status()).isEqualTo(200);

        d.awaitThreadReply(p, "<@" + RM1 + "> no-go: error rate still high");
        d.awaitState(p.id(), DeployState.REJECTED);
        d.awaitUpdate(p, "No-go: error rate still high");
        d.click(DeploySlackIds.DEPLOY_GO, p, LEAD);
        d.awaitEphemeral(LEAD, "already finished: rejected");
        assertThat(d.backend().triggersOf(p.id())).isZero();
        assertThat(d.context().getBean(AuditLog.class).find(AuditQuery.newestFirst(50).ofTypes("deploy.state_changed"))
                .stream().map(e -> e.payloadJson()).filter(j -> j.contains("\"request\":" + p.id() + ",")))
                .anySatisfy(j -> assertThat(j).contains("\"to\":\"REJECTED\"", "error rate still high"));
    }

    @Test
    void theRequesterCancelsAndLaterClicksChangeNothing() {
        String v = DeployDriver.newVersion();
        var p = d.request("reports", v, "prod", REQUESTER, "");
        String url = d.slack.responseUrl();
        d.command("cancel " + p.id(), REQUESTER, url);
        assertThat(d.slack.awaitResponse(url, DeployDriver.WAIT).rawBody()).contains("Cancelled deploy #" + p.id());
        d.awaitState(p.id(), DeployState.CANCELLED);
        d.awaitThreadReply(p, "<@" + REQUESTER + "> cancelled this deploy.");

        d.click(DeploySlackIds.DEPLOY_START, p, REQUESTER);
        d.awaitEphemeral(REQUESTER, "already finished: cancelled");
        assertThat(d.backend().triggersOf(p.id())).isZero();
    }

    @Test
    void aNewCheckBeanIsPickedUpAndACheckThatThrowsBlocksNamingIt() {
        var p = d.request("billing", dev.flightdeck.deploy.ProbeCheck.EXPLODING_VERSION, "staging", REQUESTER, "");
        assertThat(d.message(p).allText()).contains("*probe*: could not check probe: probe service unreachable");
        assertThat(DeployDriver.buttons(d.message(p))).extracting(b -> b[0]).contains(DeploySlackIds.DEPLOY_OVERRIDE);
        List<String> others = List.of("window", "lock", "approval");
        assertThat(d.repository().checks(p.id())).extracting(c -> c.name()).contains("probe", "lock", "approval")
                .doesNotContain("window"); // staging sets no window
        assertThat(others).isNotEmpty();
    }

    @Test
    void devIsAnnounceOnlyTheBuildStartsWithoutWaitingForAnyone() {
        String v = DeployDriver.newVersion();
        var p = d.request("commons", v, "dev", REQUESTER, "");
        assertThat(d.message(p).text()).isEqualTo("I'm about to run a DEV build of commons using version " + v);
        d.awaitState(p.id(), DeployState.RUNNING);
        d.awaitThreadReply(p, "Announce only: no approval needed in DEV");
        assertThat(d.backend().triggersOf(p.id())).isEqualTo(1);
    }

    @Test
    void aFailedTriggerIsShownInTheThreadAndRetryStartsItAgainOnce() {
        String v = DeployDriver.newVersion();
        d.backend().failVersion(v, "Jenkins answered 503");
        var p = d.request("commons", v, "staging", REQUESTER, "");
        d.click(DeploySlackIds.DEPLOY_GO, p, DeployDriver.DEVELOPER);
        d.awaitState(p.id(), DeployState.TRIGGER_FAILED);
        d.awaitThreadReply(p, "Could not start the STAGING build of commons " + v + ": Jenkins answered 503");
        d.awaitUpdate(p, DeploySlackIds.DEPLOY_RETRY);

        d.backend().succeedVersion(v);
        d.click(DeploySlackIds.DEPLOY_RETRY, p, OUTSIDER);
        d.awaitEphemeral(OUTSIDER, "Only the runner");
        d.click(DeploySlackIds.DEPLOY_RETRY, p, REQUESTER);
        d.awaitState(p.id(), DeployState.RUNNING);
        assertThat(d.backend().triggersOf(p.id())).isEqualTo(2);
    }

    @Test
    void whenSlackRefusesTheMessageTheRequesterIsToldAndTheRequestIsCancelled() {
        String v = DeployDriver.newVersion();
        String url = d.slack.responseUrl();
        // After not_in_channel Flightdeck joins the channel and posts once more; here the join is refused too.
        d.slack.failNext("chat.postMessage", dev.flightdeck.testing.Fault.error("not_in_channel"));
        d.slack.failNext("conversations.join", dev.flightdeck.testing.Fault.error("is_archived"));
        d.command("reports " + v + " to prod", REQUESTER, url);
        assertThat(d.slack.awaitResponse(url, DeployDriver.WAIT).rawBody())
                .contains("Could not post the go/no-go message to #deploys (Slack said not_in_channel)", "was cancelled");
        var stored = d.repository().history("reports", java.util.Optional.of("prod"), 50).stream()
                .filter(r -> r.version().equals(v)).findFirst().orElseThrow();
        assertThat(stored.state()).isEqualTo(DeployState.CANCELLED);
        assertThat(stored.stateReason()).contains("not_in_channel");
    }

    @Test
    void aRateLimitedPostIsRetriedAndTheMessageArrivesOnce() {
        String v = DeployDriver.newVersion();
        d.slack.failNext("chat.postMessage", dev.flightdeck.testing.Fault.rateLimited(java.time.Duration.ofSeconds(1)));
        var p = d.request("reports", v, "staging", REQUESTER, "");
        assertThat(d.slack.messagesIn(p.channel()).stream().filter(m -> m.text() != null
                && m.text().contains("using version " + v))).hasSize(1);
    }
}
