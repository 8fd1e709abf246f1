package dev.flightdeck.slack.incident;

import dev.flightdeck.testing.SetUpDone;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentReminders;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.testing.FakeMessage;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.TestApp;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the shared app like a team would: people, a channel to type in, /incident commands, waiting for Slack. */
final class IncidentFixture {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern DECLARED = Pattern.compile("Declaring (INC-(\\d+))");

    final TestApp app = TestApp.shared();
    final String incidentsChannel;
    final String statusChannel;

    IncidentFixture() {
        incidentsChannel = seeded("incidents");
        statusChannel = seeded("status");
    }

    private String seeded(String name) {
        return app.slack.channel(name).map(c -> c.id()).orElseGet(() -> app.slack.addChannel(name));
    }

    String user(String name) {
        return app.slack.addUser(name + "-" + System.nanoTime());
    }

    String channel(String prefix, String... members) {
        return app.slack.addChannel(prefix + "-" + System.nanoTime(), members);
    }

    /** The team file names these channels "#status" and "#incidents"; Slack accepts a name or an id. */
    boolean isStatus(String channel) {
        return statusChannel.equals(channel) || "#status".equals(channel);
    }

    boolean isIncidents(String channel) {
        return incidentsChannel.equals(channel) || "#incidents".equals(channel);
    }

    SignedRequest.Reply command(String text, String user, String channel) {
        SignedRequest.Reply reply = app.signed().slashCommand("/incident", text, user, channel, app.slack.responseUrl())
                .send(app.uri());
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    static String text(SignedRequest.Reply reply) {
        return reply.json().getAsJsonObject().get("text").getAsString();
    }

    /** Declares and returns the incident's number as soon as the ack says it (Slack work may still be running). */
    long declareNoWait(String text, String user, String channel) {
        String answer = text(command(text, user, channel));
        Matcher m = DECLARED.matcher(answer);
        assertThat(m.find()).as("ack: " + answer).isTrue();
        return Long.parseLong(m.group(2));
    }

    /** Declares and waits until the declaration is complete in Slack. */
    Incident declare(String text, String user, String channel) {
        long number = declareNoWait(text, user, channel);
        return awaitSetUp(number);
    }

    Incident awaitSetUp(long number) {
        return SetUpDone.await(app.bean(IncidentService.class), number, WAIT);
    }

    Incident incident(long number) {
        return app.bean(IncidentService.class).find(number).orElseThrow();
    }

    /** The pinned card as it is now. */
    FakeMessage card(Incident incident) {
        return app.slack.messagesIn(incident.channelId().orElseThrow()).stream()
                .filter(m -> m.ts().equals(incident.cardTs().orElseThrow())).findFirst().orElseThrow();
    }

    int runReminders() {
        return app.bean(IncidentReminders.class).runDue();
    }

    FakeSlack slack() {
        return app.slack;
    }
}
