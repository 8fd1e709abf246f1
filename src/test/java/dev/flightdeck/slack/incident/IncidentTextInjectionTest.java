package dev.flightdeck.slack.incident;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.testing.InjectedText;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Titles, updates and notes typed into /incident reach four channels: shown as typed, never pinging everyone. */
class IncidentTextInjectionTest {

    final IncidentFixture f = new IncidentFixture();

    @Test
    void aTitleUpdatesAndNotesAreShownAsTypedEverywhereTheBotRepeatsThem() {
        String ivy = f.user("ivy");
        String jon = f.user("jon");
        String here = f.channel("ops", ivy);
        var declared = f.command("declare Payments down " + InjectedText.AS_SLACK_SENDS_IT + " sev2", ivy, here);
        InjectedText.assertNotLive(declared.body());
        long number = Long.parseLong(IncidentFixture.text(declared).replaceAll("(?s)^Declaring INC-(\\d+).*", "$1"));
        Incident incident = f.awaitSetUp(number);
        String channel = incident.channelId().orElseThrow();
        assertThat(incident.title()).isEqualTo("Payments down " + InjectedText.AS_TYPED);
        assertThat(f.card(incident).allText()).contains("Payments down " + InjectedText.AS_MRKDWN);

        assertThat(IncidentFixture.text(f.command("role communicator <@" + jon + "|jon>", ivy, channel)))
                .contains("<@" + jon + "> is the communicator");
        var update = f.command("update identified " + InjectedText.AS_SLACK_SENDS_IT, jon, channel);
        InjectedText.assertNotLive(update.body());
        var broadcast = f.slack().awaitCall("chat.postMessage", c -> f.isStatus(c.channel()) && c.text() != null
                && c.text().contains(incident.id() + ":") && c.text().contains("fish"), IncidentFixture.WAIT);
        assertThat(broadcast.text()).contains(InjectedText.AS_MRKDWN);
        InjectedText.assertNotLive(f.command("note " + InjectedText.AS_SLACK_SENDS_IT, jon, channel).body());

        var form = f.app.signed().viewSubmission(IncidentSlackIds.INCIDENT_UPDATE_MODAL, incident.id(), Map.of(
                IncidentSlackIds.INCIDENT_INPUT_STATUS, Map.of(IncidentSlackIds.INCIDENT_INPUT_STATUS, "MONITORING"),
                IncidentSlackIds.INCIDENT_INPUT_TEXT, Map.of(IncidentSlackIds.INCIDENT_INPUT_TEXT, InjectedText.IN_A_MODAL)), jon).send(f.app.uri());
        assertThat(form.status()).isEqualTo(200);
        f.slack().awaitCall("chat.postMessage", c -> f.isStatus(c.channel()) && c.text() != null
                && c.text().contains(InjectedText.IN_A_MODAL_MRKDWN), IncidentFixture.WAIT);
        assertThat(f.app.bean(IncidentService.class).timeline(number)).anySatisfy(e ->
                assertThat(e.text()).isEqualTo(InjectedText.IN_A_MODAL));

        var list = f.command("list", ivy, here);
        InjectedText.assertNotLive(list.body());
        var summary = f.command("summary " + incident.id(), ivy, here);
        InjectedText.assertNotLive(summary.body());
        InjectedText.assertNothingLive(f.slack());
    }
}
