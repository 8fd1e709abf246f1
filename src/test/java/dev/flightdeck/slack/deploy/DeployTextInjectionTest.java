package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.testing.InjectedText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static dev.flightdeck.slack.deploy.DeployDriver.RM2;
import static dev.flightdeck.slack.deploy.DeployDriver.RUNNER;
import static org.assertj.core.api.Assertions.assertThat;

/** What a member types into /deploy is shown as typed, never as a channel-wide ping or a disguised link. */
class DeployTextInjectionTest {

    final DeployDriver d = DeployDriver.shared();

    @AfterEach
    void cleanUp() {
        d.moveToWindow(true);
        d.finishInFlight();
    }

    @Test
    void aNoteAndANoGoReasonAreShownAsTypedAndTheRunnerIsStillMentioned() {
        d.moveToWindow(true);
        String v = DeployDriver.newVersion();
        var p = d.request("billing", v, "prod", REQUESTER, " runner <@" + RUNNER + "|runner> -- "
                + InjectedText.AS_SLACK_SENDS_IT);
        InjectedText.assertNotLive(p.ack());
        assertThat(d.message(p).text()).startsWith("<@" + RUNNER + "> please run");
        assertThat(d.message(p).allText()).contains("Note: " + InjectedText.AS_MRKDWN);
        assertThat(d.repository().find(p.id()).orElseThrow().note()).isEqualTo(InjectedText.AS_TYPED);

        d.click(DeploySlackIds.DEPLOY_NOGO, p, RM1);
        d.slack.awaitCall("views.open", c -> c.param("view").contains(DeploySlackIds.DEPLOY_NOGO_MODAL)
                && c.param("view").contains(v), DeployDriver.WAIT);
        d.signed().viewSubmission(DeploySlackIds.DEPLOY_NOGO_MODAL, p.id() + ":" + p.channel(),
                Map.of(DeploySlackIds.DEPLOY_REASON, Map.of(DeploySlackIds.DEPLOY_REASON, InjectedText.IN_A_MODAL)), RM1).send(d.uri());
        d.awaitThreadReply(p, "<@" + RM1 + "> no-go: " + InjectedText.IN_A_MODAL_MRKDWN);
        d.awaitUpdate(p, "No-go: " + InjectedText.IN_A_MODAL_MRKDWN);
        d.awaitState(p.id(), DeployState.REJECTED);

        InjectedText.assertNothingLive(d.slack);
    }

    @Test
    void anOverrideReasonIsShownAsTyped() {
        d.moveToWindow(false);
        String v = DeployDriver.newVersion();
        var p = d.request("commons", v, "prod", REQUESTER, "");
        d.click(DeploySlackIds.DEPLOY_OVERRIDE, p, RM2);
        d.slack.awaitCall("views.open", c -> c.param("view").contains(DeploySlackIds.DEPLOY_OVERRIDE_MODAL)
                && c.param("view").contains(v), DeployDriver.WAIT);
        d.signed().viewSubmission(DeploySlackIds.DEPLOY_OVERRIDE_MODAL, p.id() + ":" + p.channel(),
                Map.of(DeploySlackIds.DEPLOY_REASON, Map.of(DeploySlackIds.DEPLOY_REASON, "hotfix " + InjectedText.IN_A_MODAL)), RM2)
                .send(d.uri());

        d.awaitUpdate(p, "overridden by <@" + RM2 + ">: _hotfix " + InjectedText.IN_A_MODAL_MRKDWN + "_");
        InjectedText.assertNothingLive(d.slack);
    }

    @Test
    void aLockReasonAndItsAnswersAreShownAsTyped() {
        String url = d.slack.responseUrl();
        var reply = d.command("lock reports staging -- " + InjectedText.AS_SLACK_SENDS_IT, REQUESTER, url);
        InjectedText.assertNotLive(reply.body());
        assertThat(InjectedText.unescapedJson(reply.body())).contains(InjectedText.AS_MRKDWN);

        var status = d.command("status", REQUESTER, d.slack.responseUrl());
        InjectedText.assertNotLive(status.body());
        var second = d.command("lock reports staging -- again", RM1, d.slack.responseUrl());
        InjectedText.assertNotLive(second.body());
        d.command("unlock reports staging", REQUESTER, d.slack.responseUrl());
        InjectedText.assertNothingLive(d.slack);
    }
}
