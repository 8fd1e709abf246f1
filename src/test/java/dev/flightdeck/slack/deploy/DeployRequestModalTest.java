package dev.flightdeck.slack.deploy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /deploy} with no argument opens the request form; its submission requests the deploy like the command. */
class DeployRequestModalTest {

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
    void theFormOffersTheTeamsServicesAndEnvironmentsAndItsSubmissionPostsTheMessage() {
        var reply = d.command("", REQUESTER, d.slack.responseUrl());
        assertThat(reply.json().getAsJsonObject().get("text").getAsString()).contains("Opening the deploy form");
        var open = d.slack.awaitCall("views.open", c -> c.param("view").contains(DeploySlackIds.DEPLOY_REQUEST_MODAL), DeployDriver.WAIT);
        assertThat(open.param("view")).contains("\"commons\"", "\"billing\"", "\"web\"", "\"reports\"", "\"dev\"",
                "\"staging\"", "\"prod\"");

        int before = all();
        var bad = submit("commons", "not a version!", "staging");
        assertThat(bad.body()).contains("\"response_action\":\"errors\"", DeploySlackIds.DEPLOY_FIELD_VERSION, "is not a version");
        var unknown = submit("commonz", "1.2.3", "staging");
        assertThat(unknown.body()).contains(DeploySlackIds.DEPLOY_FIELD_SERVICE, "There is no service");
        assertThat(all()).isEqualTo(before);

        String v = DeployDriver.newVersion();
        assertThat(submit("commons", v, "staging").status()).isEqualTo(200);
        var posted = d.slack.awaitCall("chat.postMessage", c -> c.text() != null
                && c.text().contains("I'm about to run a STAGING build of commons using version " + v), DeployDriver.WAIT);
        assertThat(posted.ok()).isTrue();
        d.awaitEphemeral(REQUESTER, "is posted in");
    }

    private dev.flightdeck.testing.SignedRequest.Reply submit(String service, String version, String env) {
        return d.signed().viewSubmission(DeploySlackIds.DEPLOY_REQUEST_MODAL, d.commandChannel, Map.of(
                DeploySlackIds.DEPLOY_FIELD_SERVICE, Map.of(DeploySlackIds.DEPLOY_FIELD_SERVICE, service),
                DeploySlackIds.DEPLOY_FIELD_VERSION, Map.of(DeploySlackIds.DEPLOY_FIELD_VERSION, version),
                DeploySlackIds.DEPLOY_FIELD_ENV, Map.of(DeploySlackIds.DEPLOY_FIELD_ENV, env)), REQUESTER).send(d.uri());
    }

    private int all() {
        return d.repository().inStates(EnumSet.allOf(dev.flightdeck.deploy.DeployState.class), Optional.empty(), 10_000).size();
    }
}
