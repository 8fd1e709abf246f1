package dev.flightdeck.slack.incident.paging;

import dev.flightdeck.testing.SetUpDone;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.paging.Page;
import dev.flightdeck.incident.paging.PageState;
import dev.flightdeck.incident.paging.Paging;
import dev.flightdeck.incident.paging.PagingApp;
import dev.flightdeck.slack.incident.IncidentSlackIds;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.SignedRequest;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the paging app as a team would: people, channels, /incident commands, the resolve form. */
final class PagingDriver {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern DECLARED = Pattern.compile("Declaring (INC-(\\d+))");

    final PagingApp app = PagingApp.shared();

    String user(String name) {
        return app.slack.addUser(name + "-" + System.nanoTime());
    }

    String channel(String prefix, String... members) {
        return app.slack.addChannel(prefix + "-" + System.nanoTime(), members);
    }

    SignedRequest.Reply command(String text, String user, String channel, String responseUrl) {
        SignedRequest.Reply reply = app.signed().slashCommand("/incident", text, user, channel, responseUrl)
                .send(app.server.getURI());
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    /** The ack's text. */
    String say(String text, String user, String channel) {
        return command(text, user, channel, app.slack.responseUrl()).json().getAsJsonObject().get("text").getAsString();
    }

    /** Declares and waits until the incident's channel and card exist. */
    Incident declare(String text, String user, String channel) {
        String answer = say(text, user, channel);
        Matcher m = DECLARED.matcher(answer);
        assertThat(m.find()).as("ack: " + answer).isTrue();
        return SetUpDone.await(app.bean(IncidentService.class), Long.parseLong(m.group(2)), WAIT);
    }

    Incident incident(long number) {
        return app.bean(IncidentService.class).find(number).orElseThrow();
    }

    void resolve(Incident incident, String user) {
        var submit = app.signed().viewSubmission(IncidentSlackIds.INCIDENT_RESOLVE_MODAL, incident.id(), Map.of(
                IncidentSlackIds.INCIDENT_INPUT_SUMMARY, Map.of(IncidentSlackIds.INCIDENT_INPUT_SUMMARY, "Fixed."),
                IncidentSlackIds.INCIDENT_INPUT_AFFECTED, Map.of(IncidentSlackIds.INCIDENT_INPUT_AFFECTED, "Some."),
                IncidentSlackIds.INCIDENT_INPUT_WHAT_HAPPENED, Map.of(IncidentSlackIds.INCIDENT_INPUT_WHAT_HAPPENED, "A bug."),
                IncidentSlackIds.INCIDENT_INPUT_PREVENTION, Map.of(IncidentSlackIds.INCIDENT_INPUT_PREVENTION, "A test.")),
                user).send(app.server.getURI());
        assertThat(submit.status()).isEqualTo(200);
        awaitState(incident, "platform", PageState.RESOLVE_PENDING, PageState.CANCELLED, PageState.RESOLVED,
                PageState.FAILED);
    }

    Page page(Incident incident, String target) {
        return app.bean(Paging.class).pagesOf(incident.number()).stream().filter(p -> p.target().equals(target))
                .findFirst().orElseThrow(() -> new AssertionError("no page of " + target + " for " + incident.id()));
    }

    /** Waits until the incident's page of {@code target} (if it has one) is in one of {@code states}. */
    void awaitState(Incident incident, String target, PageState... states) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            var pages = app.bean(Paging.class).pagesOf(incident.number()).stream()
                    .filter(p -> p.target().equals(target)).toList();
            if (pages.isEmpty() || java.util.List.of(states).contains(pages.get(0).state())) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(target + " of " + incident.id() + " is " + pages.get(0).state());
            }
            sleep();
        }
    }

    /** The channel's messages that contain {@code text}, waiting up to {@link #WAIT} for at least one. */
    FakeSlack.Call awaitPost(String channel, String text) {
        return app.slack.awaitCall("chat.postMessage", c -> c.ok() && channel.equals(c.channel())
                && c.text() != null && c.text().contains(text), WAIT);
    }

    long posts(String channel, String text) {
        return app.slack.calls("chat.postMessage").stream().filter(c -> c.ok() && channel.equals(c.channel())
                && c.text() != null && c.text().contains(text)).count();
    }

    static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
