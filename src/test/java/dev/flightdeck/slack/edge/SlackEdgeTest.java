package dev.flightdeck.slack.edge;

import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.TestApp;
import dev.flightdeck.text.Mrkdwn;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed requests through the real HTTP edge: verification, then Bolt, then the command listeners. */
class SlackEdgeTest {

    static final String ALICE = "U0ALICE001";
    final TestApp app = TestApp.shared();
    String channel;

    @BeforeEach
    void seed() {
        channel = app.slack.addChannel("deploys-" + System.nanoTime(), ALICE);
    }

    @Test
    void deployHelpIsAnsweredWellWithinSlacksDeadlineWithTheWholeCommandTable() {
        SignedRequest request = app.signed().slashCommand("/deploy", "help", ALICE, channel, app.slack.responseUrl());
        long started = System.nanoTime();
        var reply = request.send(app.uri());
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(reply.status()).isEqualTo(200);
        assertThat(millis).as("ack time in ms").isLessThan(3000);
        var json = reply.json().getAsJsonObject();
        assertThat(json.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(json.get("text").getAsString()).contains(
                "/deploy status", "/deploy history", "/deploy cancel", "/deploy rollback", "/deploy lock",
                "/deploy unlock", "/deploy config diff", "/deploy config check", "/deploy alarms",
                "/deploy health", "/deploy stats", "/deploy help", " to prod");
    }

    @Test
    void incidentHelpListsEveryForm() {
        var reply = app.signed().slashCommand("/incident", "HELP ", ALICE, channel, app.slack.responseUrl()).send(app.uri());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getAsJsonObject().get("text").getAsString()).contains(
                "/incident declare", "/incident role", "/incident update", "/incident severity", "/incident note",
                "/incident resolve", "/incident summary", "/incident list", "/incident help");
    }

    @Test
    void anUnknownSubcommandAnswersWithUsageAndTheClosestForm() {
        var reply = app.signed().slashCommand("/deploy", "frobnicate", ALICE, channel, app.slack.responseUrl()).send(app.uri());
        assertThat(reply.status()).isEqualTo(200);
        String text = reply.json().getAsJsonObject().get("text").getAsString();
        assertThat(reply.json().getAsJsonObject().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(text).contains("frobnicate").containsIgnoringCase("usage");
    }

    @Test
    void wordsInTheWrongOrderGetTheClosestValidFormBuiltFromThem() {
        var reply = app.signed().slashCommand("/deploy", "prod commons", ALICE, channel, app.slack.responseUrl()).send(app.uri());
        assertThat(reply.status()).isEqualTo(200);
        // Slack shows mrkdwn with &lt; &gt; as < >: assert what the person reads.
        String shown = Mrkdwn.unescape(reply.json().getAsJsonObject().get("text").getAsString());
        assertThat(shown).contains("Try: `/deploy commons <version> to prod`");
    }

    @Test
    void unsignedStaleFutureTamperedAndWronglySignedRequestsAre401AndChangeNothing() {
        var signed = app.signed();
        String responseUrl = app.slack.responseUrl();
        SignedRequest good = signed.slashCommand("/deploy", "help", ALICE, channel, responseUrl);
        double handledBefore = commandsHandled();
        double rejectedBefore = rejected();
        int callsBefore = app.slack.calls().size();

        assertThat(good.withoutSignature().send(app.uri()).status()).isEqualTo(401);
        assertThat(signed.skewedBy(Duration.ofMinutes(-6)).slashCommand("/deploy", "help", ALICE, channel, responseUrl)
                .send(app.uri()).status()).isEqualTo(401);
        assertThat(signed.skewedBy(Duration.ofMinutes(6)).slashCommand("/deploy", "help", ALICE, channel, responseUrl)
                .send(app.uri()).status()).isEqualTo(401);
        assertThat(good.tampered().send(app.uri()).status()).isEqualTo(401);
        assertThat(signed.signedWith("not-the-signing-secret").slashCommand("/deploy", "help", ALICE, channel, responseUrl)
                .send(app.uri()).status()).isEqualTo(401);

        assertThat(commandsHandled()).isEqualTo(handledBefore);
        assertThat(rejected()).isEqualTo(rejectedBefore + 5);
        assertThat(app.slack.calls()).hasSize(callsBefore);
        assertThat(app.slack.responsesTo(responseUrl)).isEmpty();
        // Within the window the same request is fine.
        assertThat(signed.skewedBy(Duration.ofMinutes(4)).slashCommand("/deploy", "help", ALICE, channel, responseUrl)
                .send(app.uri()).status()).isEqualTo(200);
    }

    @Test
    void aCharsetParameterOnTheContentTypeIsAccepted() {
        var request = app.signed().slashCommand("/deploy", "help", ALICE, channel, app.slack.responseUrl());
        var withCharset = new SignedRequest(request.body(), "application/x-www-form-urlencoded; charset=utf-8", request.headers());
        assertThat(withCharset.send(app.uri()).status()).isEqualTo(200);
    }

    @Test
    void urlVerificationEchoesTheChallenge() {
        var reply = app.signed().urlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P").send(app.uri());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    private double commandsHandled() {
        return app.bean(MeterRegistry.class).find("flightdeck.slack.commands").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private double rejected() {
        return app.bean(MeterRegistry.class).find("flightdeck.slack.requests.rejected").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
