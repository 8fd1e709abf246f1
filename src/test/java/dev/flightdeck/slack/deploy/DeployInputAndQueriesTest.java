package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.DeployEvent;
import dev.flightdeck.deploy.DeployService;
import dev.flightdeck.deploy.DeployState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.Optional;

import static dev.flightdeck.slack.deploy.DeployDriver.DEVELOPER;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static org.assertj.core.api.Assertions.assertThat;

/** Malformed and hostile input changes nothing and says why; history and rollback read what happened. */
class DeployInputAndQueriesTest {

    final DeployDriver d = DeployDriver.shared();

    @BeforeEach
    void insideTheWindow() {
        d.moveToWindow(true);
    }

    @AfterEach
    void releaseLocks() {
        d.finishInFlight();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "comons 1.2.3 to prod",                 // unknown service
            "commons 1.2.3 prod",                   // `to` missing
            "c\u043emmons 1.2.3 to prod",           // Cyrillic o in the service
            "commons 1.2.3 t\u043e prod",           // Cyrillic o in `to`
            "commons 1.2.3 to pr\u043ed",           // Cyrillic o in the environment
            "commons 1.2.3 to prod runner bob",     // runner not a mention
            "commons 1.2.3;rm -rf to prod",         // not a version
            "cancel \uff11\uff12",                  // fullwidth digits are not an id
            "cancel 12abc"})
    void malformedAndLookalikeCommandsAreAnsweredAndCreateNothing(String text) {
        int before = allRequests();
        var reply = d.command(text, REQUESTER, d.slack.responseUrl());
        var json = reply.json().getAsJsonObject();
        assertThat(json.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(json.get("text").getAsString()).isNotBlank().doesNotContain("Exception").doesNotContain("Checking");
        assertThat(allRequests()).isEqualTo(before);
    }

    @Test
    void tenKilobytesOfTextAreAnsweredAndCreateNothing() {
        int before = allRequests();
        for (String text : new String[]{"commons 1.2.3 to prod -- " + "x".repeat(10_240), "commons " + "a ".repeat(5_120)}) {
            var reply = d.command(text, REQUESTER, d.slack.responseUrl());
            assertThat(reply.json().getAsJsonObject().get("text").getAsString()).isNotBlank().doesNotContain("Checking");
        }
        assertThat(allRequests()).isEqualTo(before);
    }

    @Test
    void buttonsForRequestsThatDoNotExistOrAreNotIdsAreAnsweredAndChangeNothing() {
        var p = d.request("reports", DeployDriver.newVersion(), "staging", REQUESTER, "");
        int before = allRequests();
        d.click(DeploySlackIds.DEPLOY_GO, "987654321", p.channel(), p.ts(), RM1);
        d.awaitEphemeral(RM1, "There is no deploy request #987654321");
        d.click(DeploySlackIds.DEPLOY_CANCEL, "1; DROP TABLE deploy_request", p.channel(), p.ts(), RM1);
        d.awaitEphemeral(RM1, "is not a deploy id");
        assertThat(allRequests()).isEqualTo(before);
        assertThat(d.repository().find(p.id()).orElseThrow().state()).isEqualTo(DeployState.REQUESTED);
    }

    @Test
    void historyListsOutcomesAndApproversAndRollbackRequestsTheLastGoodVersionBeforeTheCurrentOne() {
        String[] versions = {DeployDriver.newVersion(), DeployDriver.newVersion(), DeployDriver.newVersion()};
        long last = 0;
        for (String v : versions) {
            var p = d.request("commons", v, "staging", REQUESTER, "");
            d.click(DeploySlackIds.DEPLOY_GO, p, DEVELOPER);
            d.awaitState(p.id(), DeployState.RUNNING);
            d.context().getBean(DeployService.class).buildStatus(p.id(), DeployEvent.BUILD_SUCCEEDED, null, null);
            d.awaitThreadReply(p, "STAGING: Job commons-staging-server #");
            last = p.id();
        }
        var history = d.command("history commons staging 2", REQUESTER, d.slack.responseUrl());
        String text = history.json().getAsJsonObject().get("text").getAsString();
        assertThat(text).contains("Last 2 deploys of commons in STAGING", "#" + last + " commons `" + versions[2] + "`",
                "*succeeded*", "go from <@" + DEVELOPER + ">").doesNotContain(versions[0]);

        String url = d.slack.responseUrl();
        var rollback = d.command("rollback commons staging", REQUESTER, url);
        assertThat(rollback.json().getAsJsonObject().get("text").getAsString())
                .contains("rollback of commons in STAGING from " + versions[2] + " to " + versions[1]);
        var post = d.slack.awaitCall("chat.postMessage", c -> c.text() != null
                && c.text().contains("using version " + versions[1] + " (rollback)"), DeployDriver.WAIT);
        assertThat(post.param("blocks")).contains("ROLLBACK");
        long previous = last;
        assertThat(d.repository().history("commons", Optional.of("staging"), 1).get(0))
                .satisfies(r -> assertThat(r.rollbackOf()).isEqualTo(previous))
                .satisfies(r -> assertThat(r.version()).isEqualTo(versions[1]));

        var nothing = d.command("rollback web dev", REQUESTER, d.slack.responseUrl());
        assertThat(nothing.json().getAsJsonObject().get("text").getAsString()).contains("Nothing to roll back to");
    }

    private int allRequests() {
        return d.repository().inStates(EnumSet.allOf(DeployState.class), Optional.empty(), 10_000).size();
    }
}
