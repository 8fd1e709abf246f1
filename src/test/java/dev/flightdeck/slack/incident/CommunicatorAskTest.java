package dev.flightdeck.slack.incident;

import com.google.gson.JsonObject;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.testing.FakeMessage;
import dev.flightdeck.testing.InjectedText;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN 5's ask for a communicator, on the pinned card (no message of its own): there from the declaration while
 * nobody holds the role, gone once someone is named, whichever way; the commander is still reminded meanwhile.
 */
class CommunicatorAskTest {

    final IncidentFixture f = new IncidentFixture();

    @Test
    void theCardAsksForACommunicatorUnderItsHeaderAndNoOtherMessageDoes() {
        String ada = f.user("ada");
        Incident incident = f.declare("declare Payments down " + InjectedText.AS_SLACK_SENDS_IT + " sev2", ada,
                f.channel("ops", ada));
        String channel = incident.channelId().orElseThrow();
        FakeMessage card = f.card(incident);

        // The text Slack shows in notifications and reads to screen readers says it too, the title escaped.
        assertThat(card.text()).isEqualTo(incident.id() + " (sev2, investigating): Payments down " + InjectedText.AS_MRKDWN
                + " — Who will communicate for " + incident.id() + "? The communicator keeps support, managers and "
                + "stakeholders informed with `/incident update` while the commander leads the response.");
        InjectedText.assertNotLive(card.text());
        // Right under the header: the question in bold, then "I'll communicate" and a picker to name someone else.
        assertThat(card.blocks().get(1).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
                .startsWith(":mega: *Who will communicate for " + incident.id() + "?* The communicator keeps");
        JsonObject ask = card.blocks().get(2).getAsJsonObject();
        assertThat(ask.get("block_id").getAsString()).isEqualTo("incident_card_ask:" + incident.id());
        assertThat(ask.getAsJsonArray("elements")).extracting(e -> e.getAsJsonObject().get("type").getAsString()
                + " " + e.getAsJsonObject().get("action_id").getAsString()).containsExactly(
                "button " + IncidentSlackIds.INCIDENT_CLAIM_COMMUNICATOR,
                "users_select " + IncidentSlackIds.INCIDENT_NAME_COMMUNICATOR);
        assertThat(card.allText()).contains("*Communicator*\n_none yet_", "Post update");
        assertThat(f.slack().messagesIn(channel)).filteredOn(m -> m.allText().contains("Who will communicate"))
                .extracting(FakeMessage::ts).containsExactly(incident.cardTs().orElseThrow());
    }

    @Test
    void someonePickedOnTheCardBecomesCommunicatorAndTheAskIsGone() {
        String bea = f.user("bea");
        String cal = f.user("cal");
        Incident incident = f.declare("declare Search slow sev3", bea, f.channel("ops", bea));
        String channel = incident.channelId().orElseThrow();

        var picked = f.app.signed().userPicked(IncidentSlackIds.INCIDENT_NAME_COMMUNICATOR, "incident_card_ask:" + incident.id(),
                cal, bea, channel, incident.cardTs().orElseThrow(), f.slack().responseUrl()).send(f.app.uri());

        assertThat(picked.status()).isEqualTo(200);
        assertThat(f.incident(incident.number()).communicatorId()).contains(cal);
        awaitAskGone(incident, incident.id() + " (sev3, investigating): Search slow");
        assertThat(f.card(incident).allText()).contains("*Communicator*\n<@" + cal + ">");
        f.slack().awaitCall("chat.postMessage", c -> channel.equals(c.channel()) && c.text() != null
                && c.text().contains("<@" + cal + "> is the communicator") && c.text().contains("set by <@" + bea + ">"),
                IncidentFixture.WAIT);
        assertThat(f.slack().channel(channel).orElseThrow().hasMember(cal)).isTrue();
        assertThat(f.slack().ephemeralsIn(channel)).anyMatch(m -> bea.equals(m.visibleTo())
                && m.text().contains("<@" + cal + "> is the communicator"));
    }

    @Test
    void aCommunicatorNamedWithTheRoleCommandTakesTheAskOffTheCard() {
        String dee = f.user("dee");
        String eli = f.user("eli");
        Incident incident = f.declare("declare Exports failing sev3", dee, f.channel("ops", dee));
        String channel = incident.channelId().orElseThrow();

        assertThat(IncidentFixture.text(f.command("role communicator <@" + eli + ">", dee, channel)))
                .contains("<@" + eli + "> is the communicator");

        awaitAskGone(incident, incident.id() + " (sev3, investigating): Exports failing");
        assertThat(f.card(incident).allText()).contains("*Communicator*\n<@" + eli + ">");
    }

    @Test
    void whileTheCardStillAsksTheCommanderIsRemindedToNameOne() {
        String fay = f.user("fay");
        Incident incident = f.declare("declare Login errors sev2", fay, f.channel("ops", fay));
        f.app.clock.advance(Duration.ofMinutes(61));
        f.runReminders();

        var dm = f.slack().awaitCall("chat.postMessage", c -> fay.equals(c.channel()) && c.text() != null
                && c.text().contains(incident.id()) && c.text().contains("still has no communicator"), IncidentFixture.WAIT);
        assertThat(dm.text()).contains("/incident role communicator @someone " + incident.id());
        assertThat(f.card(incident).allText()).contains("Who will communicate for " + incident.id() + "?");
        assertThat(f.card(incident).blocks().toString()).contains(IncidentSlackIds.INCIDENT_CLAIM_COMMUNICATOR);
    }

    /**
     * A set-up the previous version left after its announcement, before its separate ask (its card without the ask,
     * communicator_asked_at empty): resumed, it completes without that message and its card comes to ask.
     */
    @Test
    void aSetUpAnOlderVersionStoppedBeforeItsAskResumesWithTheAskOnTheCard() throws Exception {
        String gus = f.user("gus");
        Incident declared = f.declare("declare Webhooks delayed sev2", gus, f.channel("ops", gus));
        String channel = declared.channelId().orElseThrow();
        String oldCard = f.slack().addMessage(channel, f.slack().botUserId(),
                declared.id() + " (sev2, investigating): Webhooks delayed");
        DataSource db = DelegatingDataSource.unwrapDataSource(f.app.bean(DataSource.class));
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE incident SET card_ts = ?, setup_complete = FALSE, communicator_asked_at = NULL, "
                        + "setup_lease_until = ? WHERE id = ?")) {
            s.setString(1, oldCard);
            s.setTimestamp(2, Timestamp.from(f.app.clock.instant().minusSeconds(1)));
            s.setLong(3, declared.number());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        List<FakeMessage> before = f.slack().messagesIn(channel);

        f.runReminders();
        Incident done = f.awaitSetUp(declared.number());

        assertThat(done.cardTs()).contains(oldCard);
        assertThat(f.card(done).text()).contains("Who will communicate for " + done.id() + "?");
        assertThat(f.card(done).blocks().toString()).contains(IncidentSlackIds.INCIDENT_CLAIM_COMMUNICATOR,
                IncidentSlackIds.INCIDENT_NAME_COMMUNICATOR);
        assertThat(f.slack().messagesIn(channel)).as("no message of its own, no step repeated").hasSameSizeAs(before);
        assertThat(f.slack().calls("conversations.invite")).filteredOn(c -> channel.equals(c.channel())).hasSize(1);
        assertThat(f.slack().calls("pins.add")).filteredOn(c -> channel.equals(c.channel())).hasSize(1);
    }

    private void awaitAskGone(Incident incident, String text) {
        f.slack().awaitCall("chat.update", c -> incident.cardTs().orElseThrow().equals(c.param("ts"))
                && text.equals(c.text()), IncidentFixture.WAIT);
        FakeMessage card = f.card(incident);
        assertThat(card.text()).isEqualTo(text);
        assertThat(card.allText()).doesNotContain("Who will communicate");
        assertThat(card.blocks().toString()).doesNotContain(IncidentSlackIds.INCIDENT_CLAIM_COMMUNICATOR,
                IncidentSlackIds.INCIDENT_NAME_COMMUNICATOR, "incident_card_ask");
    }
}
