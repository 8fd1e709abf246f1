package dev.flightdeck.reliability;

import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.deploy.DeploySlackIds;
import dev.flightdeck.slack.incident.IncidentSlackIds;

/**
 * What an attacker or a broken proxy can send to {@code POST /slack/events}: oversized bodies, wrong content
 * types, payloads that are not JSON, and a valid signed request replayed later. Each is refused with a 4xx and a
 * short JSON answer, never a stack trace, and changes nothing (no Slack call is made).
 */
class HostileRequestsTest {

    static final String ALICE = "U0ALICE001";
    final TestApp app = TestApp.shared("hostile");
    String channel;

    @BeforeEach
    void seed() {
        channel = app.slack.addChannel("hostile-" + System.nanoTime(), ALICE);
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedWith413AndNoStackTrace() {
        String huge = "help" + " x".repeat(600_000);
        SignedRequest request = app.signed().slashCommand("/deploy", huge, ALICE, channel, app.slack.responseUrl());
        assertThat(request.body().length()).isGreaterThan(1_048_576);
        int callsBefore = app.slack.calls().size();

        SignedRequest.Reply reply = request.send(app.uri());

        assertThat(reply.status()).isEqualTo(413);
        Hostile.assertNoStackTrace(reply);
        assertThat(app.slack.calls()).hasSize(callsBefore);
    }

    @Test
    void aBodyJustUnderOneMegabyteIsStillServed() {
        String text = "frobnicate " + "y".repeat(900_000);
        var reply = app.signed().slashCommand("/deploy", text, ALICE, channel, app.slack.responseUrl()).send(app.uri());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getAsJsonObject().get("response_type").getAsString()).isEqualTo("ephemeral");
    }

    @Test
    void anIncidentTitleTooLongToStoreIsRefusedWithTheReasonAndDeclaresNothing() {
        int callsBefore = app.slack.calls("conversations.create").size();
        var reply = app.signed().slashCommand("/incident", "declare " + "checkout is down ".repeat(40) + "sev2", ALICE,
                channel, app.slack.responseUrl()).send(app.uri());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getAsJsonObject().get("text").getAsString())
                .contains("The title is 679 characters long; at most 500 fit").doesNotContain("failed on our side");
        assertThat(app.slack.calls("conversations.create")).hasSize(callsBefore);
    }

    @Test
    void theDeclareFormRefusesATitleTooLongToStoreWithTheReasonOnTheField() {
        int callsBefore = app.slack.calls("conversations.create").size();
        var reply = app.signed().viewSubmission(IncidentSlackIds.INCIDENT_DECLARE_MODAL, channel,
                java.util.Map.of(IncidentSlackIds.INCIDENT_INPUT_TITLE, java.util.Map.of(IncidentSlackIds.INCIDENT_INPUT_TITLE, "Checkout & payments down ".repeat(25)),
                        IncidentSlackIds.INCIDENT_INPUT_SEVERITY, java.util.Map.of(IncidentSlackIds.INCIDENT_INPUT_SEVERITY, "sev2")), ALICE).send(app.uri());
        assertThat(reply.status()).isEqualTo(200);
        var json = reply.json().getAsJsonObject();
        assertThat(json.get("response_action").getAsString()).isEqualTo("errors");
        // Counted as typed: the title is stored as typed (no longer Slack-escaped, where each & counted 5).
        assertThat(json.getAsJsonObject("errors").get(IncidentSlackIds.INCIDENT_INPUT_TITLE).getAsString())
                .isEqualTo("At most 500 characters, please (this is 624).");
        assertThat(app.slack.calls("conversations.create")).hasSize(callsBefore);
    }

    @Test
    void wrongContentTypesAreRefusedWith415() {
        SignedRequest good = app.signed().slashCommand("/deploy", "help", ALICE, channel, app.slack.responseUrl());
        for (String type : new String[]{"text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/octet-stream"}) {
            SignedRequest.Reply reply = new SignedRequest(good.body(), type, good.headers()).send(app.uri());
            assertThat(reply.status()).as(type).isEqualTo(415);
            Hostile.assertNoStackTrace(reply);
        }
    }

    @Test
    void aSignedPayloadThatIsNotJsonIsRefusedWith400() {
        int callsBefore = app.slack.calls().size();
        for (String payload : new String[]{"{not json", "[1,2,", "\"just a string\"", "42", "null", "", "{\"type\":"}) {
            SignedRequest.Reply reply = app.signed().sign("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded").send(app.uri());
            assertThat(reply.status()).as(payload).isEqualTo(400);
            Hostile.assertNoStackTrace(reply);
        }
        for (String json : new String[]{"{not json", "[]", "{\"type\":\"event_callback\",\"event\":", "\u0000\u0001"}) {
            SignedRequest.Reply reply = app.signed().sign(json, "application/json").send(app.uri());
            assertThat(reply.status()).as(json).isEqualTo(400);
            Hostile.assertNoStackTrace(reply);
        }
        assertThat(app.slack.calls()).hasSize(callsBefore);
    }

    @Test
    void aValidSignedClickReplayedAfterFiveMinutesIsRefusedWith401() {
        SignedRequest click = app.signed().blockAction(DeploySlackIds.DEPLOY_GO, DeploySlackIds.DEPLOY_ACTIONS_BLOCK, "999999", ALICE,
                channel, "1700000000.000100", app.slack.responseUrl());
        SignedRequest command = app.signed().slashCommand("/deploy", "help", ALICE, channel, app.slack.responseUrl());
        assertThat(command.send(app.uri()).status()).isEqualTo(200);
        int callsBefore = app.slack.calls().size();

        app.clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        for (SignedRequest replay : new SignedRequest[]{command, click}) {
            SignedRequest.Reply reply = replay.send(app.uri());
            assertThat(reply.status()).isEqualTo(401);
            Hostile.assertNoStackTrace(reply);
        }
        assertThat(app.slack.calls()).hasSize(callsBefore);
    }
}
