package dev.flightdeck.slack.deploy;

import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.AuditQuery;
import dev.flightdeck.deploy.DeployState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.flightdeck.slack.deploy.DeployDriver.OUTSIDER;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static dev.flightdeck.slack.deploy.DeployDriver.RM2;
import static org.assertj.core.api.Assertions.assertThat;

/** Blocking checks (window, lock) name the rule; an approver's override with a written reason lets it proceed. */
class DeployBlockedTest {

    final DeployDriver d = DeployDriver.shared();

    @AfterEach
    void cleanUp() {
        d.moveToWindow(true);
        d.finishInFlight();
    }

    @Test
    void outsideTheWindowTheRequestIsBlockedUntilAnApproverOverridesWithAReason() {
        d.moveToWindow(false);
        String v = DeployDriver.newVersion();
        var p = d.request("commons", v, "prod", REQUESTER, "");

        assertThat(d.slack.awaitResponse(p.responseUrl(), DeployDriver.WAIT).rawBody()).contains("blocked by *window*");
        assertThat(d.message(p).allText()).contains("*window*: outside the deploy window for PROD (Mon,Tue,Wed,Thu 09:00-16:00 America/Los_Angeles)");
        assertThat(DeployDriver.buttons(d.message(p))).extracting(b -> b[0]).contains(DeploySlackIds.DEPLOY_OVERRIDE);

        d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
        d.awaitEphemeral(RM1, "is blocked by *window*");
        assertThat(d.repository().approvals(p.id())).isEmpty();

        d.click(DeploySlackIds.DEPLOY_OVERRIDE, p, OUTSIDER);
        d.awaitEphemeral(OUTSIDER, "Only approvers for PROD");
        d.click(DeploySlackIds.DEPLOY_OVERRIDE, p, RM2);
        var open = d.slack.awaitCall("views.open", c -> c.param("view").contains(DeploySlackIds.DEPLOY_OVERRIDE_MODAL)
                && c.param("view").contains(v), DeployDriver.WAIT);
        assertThat(open.param("view")).contains("outside the deploy window");

        var tooShort = submitOverride(p, "ok", RM2);
        assertThat(tooShort.body()).contains("errors", DeploySlackIds.DEPLOY_REASON);
        submitOverride(p, "login outage hotfix, CTO approved", RM2);

        d.awaitThreadReply(p, "<@" + RM2 + "> overrode *window*");
        d.awaitUpdate(p, "overridden by <@" + RM2 + ">: _login outage hotfix, CTO approved_");
        assertThat(d.context().getBean(AuditLog.class).find(AuditQuery.newestFirst(20).ofTypes("deploy.override").by(RM2)))
                .anySatisfy(e -> assertThat(e.payloadJson()).contains("login outage hotfix, CTO approved", "window",
                        "\"request\":" + p.id()));

        d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
        d.awaitState(p.id(), DeployState.RUNNING);
        assertThat(d.backend().triggersOf(p.id())).isEqualTo(1);
    }

    @Test
    void aManualLockBlocksNamingWhoAndWhyAndUnlockLiftsIt() {
        d.moveToWindow(true);
        var lock = d.command("lock billing prod -- database migration until 15:00", OUTSIDER, d.slack.responseUrl());
        assertThat(lock.json().getAsJsonObject().get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(lock.json().getAsJsonObject().get("text").getAsString())
                .contains("<@" + OUTSIDER + "> locked billing in PROD: database migration until 15:00");
        var again = d.command("lock billing prod -- another reason", REQUESTER, d.slack.responseUrl());
        assertThat(again.json().getAsJsonObject().get("text").getAsString()).contains("already locked by <@" + OUTSIDER + ">");

        String v = DeployDriver.newVersion();
        var p = d.request("billing", v, "prod", REQUESTER, "");
        assertThat(d.message(p).allText()).contains("*lock*: billing in PROD is locked by <@" + OUTSIDER + ">",
                "database migration until 15:00");
        var status = d.command("status billing", REQUESTER, d.slack.responseUrl());
        assertThat(status.json().getAsJsonObject().get("text").getAsString())
                .contains("#" + p.id() + " billing `" + v + "` to PROD: *requested*", "billing in PROD by <@" + OUTSIDER + ">");

        var refused = d.command("unlock billing prod", REQUESTER, d.slack.responseUrl());
        assertThat(refused.json().getAsJsonObject().get("text").getAsString()).contains("Only <@" + OUTSIDER + ">");
        var unlock = d.command("unlock billing prod", OUTSIDER, d.slack.responseUrl());
        assertThat(unlock.json().getAsJsonObject().get("text").getAsString()).contains("unlocked billing in PROD");
        assertThat(d.repository().lock("billing", "prod")).isEmpty();
    }

    @Test
    void aDeployInFlightLocksItsServiceAndEnvironmentForTheNextRequest() {
        d.moveToWindow(true);
        var first = d.request("web", DeployDriver.newVersion(), "staging", REQUESTER, "");
        d.click(DeploySlackIds.DEPLOY_GO, first, DeployDriver.DEVELOPER);
        d.awaitState(first.id(), DeployState.RUNNING);

        var second = d.request("web", DeployDriver.newVersion(), "staging", RM1, "");
        assertThat(d.message(second).allText()).contains("*lock*: deploy #" + first.id() + " of web", "is running; one deploy at a time");
    }

    @Test
    void aSecondRequestMadeBeforeTheFirstWasApprovedCannotBeApprovedWhileTheFirstRuns() {
        d.moveToWindow(true);
        var first = d.request("reports", DeployDriver.newVersion(), "staging", REQUESTER, "");
        var second = d.request("reports", DeployDriver.newVersion(), "staging", REQUESTER, "");
        d.click(DeploySlackIds.DEPLOY_GO, first, DeployDriver.DEVELOPER);
        d.awaitState(first.id(), DeployState.RUNNING);

        d.click(DeploySlackIds.DEPLOY_GO, second, DeployDriver.DEVELOPER);
        d.awaitEphemeral(DeployDriver.DEVELOPER, "is running; one deploy at a time");
        assertThat(d.repository().find(second.id()).orElseThrow().state()).isEqualTo(DeployState.REQUESTED);
        assertThat(d.backend().triggersOf(second.id())).isZero();
    }

    private dev.flightdeck.testing.SignedRequest.Reply submitOverride(DeployDriver.Posted p, String reason, String user) {
        return d.signed().viewSubmission(DeploySlackIds.DEPLOY_OVERRIDE_MODAL, p.id() + ":" + p.channel(),
                Map.of(DeploySlackIds.DEPLOY_REASON, Map.of(DeploySlackIds.DEPLOY_REASON, reason)), user).send(d.uri());
    }
}
