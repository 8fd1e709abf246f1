package dev.flightdeck.slack.incident;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.testing.FakeMessage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles, updates and severity: the card follows in place, updates reach the stakeholder channel. */
class IncidentChangesTest {

    final IncidentFixture f = new IncidentFixture();

    @Test
    void theCardIsPinnedOnceAndUpdatedInPlaceOnEveryChange() {
        String erin = f.user("erin");
        String frank = f.user("frank");
        String here = f.channel("ops", erin);
        Incident incident = f.declare("declare Checkout returns 500s sev3", erin, here);
        String channel = incident.channelId().orElseThrow();
        String cardTs = incident.cardTs().orElseThrow();

        assertThat(IncidentFixture.text(f.command("role communicator <@" + frank + "|frank>", erin, channel)))
                .contains("<@" + frank + "> is the communicator");
        awaitCard(incident, "<@" + frank + ">");
        assertThat(f.slack().channel(channel).orElseThrow().hasMember(frank)).isTrue();
        f.slack().awaitCall("conversations.setTopic", c -> c.ok() && c.param("topic").contains("comms <@" + frank + ">"),
                IncidentFixture.WAIT);
        f.slack().awaitCall("chat.postMessage", c -> frank.equals(c.channel()) && c.text().contains("communicator"),
                IncidentFixture.WAIT);

        assertThat(IncidentFixture.text(f.command("update identified Bad deploy of commons, rolling back", frank, channel)))
                .contains("Update posted");
        awaitCard(incident, "identified");
        FakeMessage broadcast = f.slack().messagesIn(f.statusChannel).stream()
                .filter(m -> m.text().contains(incident.id() + ":") && m.text().contains("rolling back"))
                .findFirst().orElseThrow();
        assertThat(broadcast.text()).startsWith("*[SEV3 · identified] " + incident.id());
        assertThat(f.slack().messagesIn(channel)).anyMatch(m -> m.text() != null && m.text().contains("rolling back"));

        assertThat(IncidentFixture.text(f.command("severity sev1", erin, channel))).contains("sev3 → sev1", "re-announced");
        awaitCard(incident, "sev1");
        f.slack().awaitCall("chat.postMessage", c -> f.isIncidents(c.channel())
                && c.text().contains("*" + incident.id() + "*") && c.text().contains("raised to sev1"), IncidentFixture.WAIT);

        // One card: every change rewrote the pinned message; no second card was posted.
        assertThat(f.slack().messagesIn(channel)).filteredOn(m -> m.text() != null && m.text().startsWith(incident.id() + " ("))
                .extracting(FakeMessage::ts).containsExactly(cardTs);
        assertThat(f.slack().channel(channel).orElseThrow().pinnedTs()).containsExactly(cardTs);
        // One rewrite per change; set-up left the card as posted (nothing changed while it ran).
        assertThat(f.slack().successfulCalls("chat.update")).filteredOn(c -> cardTs.equals(c.param("ts")))
                .extracting(c -> c.text()).containsExactly(incident.id() + " (sev3, investigating): Checkout returns 500s",
                        incident.id() + " (sev3, identified): Checkout returns 500s",
                        incident.id() + " (sev1, identified): Checkout returns 500s");
        assertThat(f.card(incident).allText()).contains("sev1", "identified", "<@" + erin + ">", "<@" + frank + ">");
    }

    @Test
    void theClaimButtonMakesTheClickerCommunicatorAndTheUpdateFormPosts() {
        String gina = f.user("gina");
        String hank = f.user("hank");
        String here = f.channel("ops", gina);
        Incident incident = f.declare("declare Login slow for EU sev2", gina, here);
        String channel = incident.channelId().orElseThrow();
        f.slack().addMember(channel, hank);

        var click = f.app.signed().blockAction(IncidentSlackIds.INCIDENT_CLAIM_COMMUNICATOR, "b", incident.id(), hank, channel,
                incident.cardTs().orElseThrow(), f.slack().responseUrl()).send(f.app.uri());
        assertThat(click.status()).isEqualTo(200);
        assertThat(f.incident(incident.number()).communicatorId()).contains(hank);
        awaitCard(incident, "<@" + hank + ">");
        // The card's ask is gone with its button and picker; its text no longer asks either.
        assertThat(f.card(incident).text()).isEqualTo(incident.id() + " (sev2, investigating): Login slow for EU");
        assertThat(f.card(incident).allText()).doesNotContain("Who will communicate");
        assertThat(f.card(incident).blocks().toString()).doesNotContain(IncidentSlackIds.INCIDENT_CLAIM_COMMUNICATOR,
                IncidentSlackIds.INCIDENT_NAME_COMMUNICATOR);

        var open = f.app.signed().blockAction(IncidentSlackIds.INCIDENT_OPEN_UPDATE, "b", incident.id(), hank, channel,
                incident.cardTs().orElseThrow(), f.slack().responseUrl()).send(f.app.uri());
        assertThat(open.status()).isEqualTo(200);
        var opened = f.slack().awaitCall("views.open", c -> c.param("view").contains(IncidentSlackIds.INCIDENT_UPDATE_MODAL)
                && c.param("view").contains(incident.id()), IncidentFixture.WAIT);
        assertThat(opened.ok()).isTrue();

        var submitted = f.app.signed().viewSubmission(IncidentSlackIds.INCIDENT_UPDATE_MODAL, incident.id(), Map.of(
                IncidentSlackIds.INCIDENT_INPUT_STATUS, Map.of(IncidentSlackIds.INCIDENT_INPUT_STATUS, "MONITORING"),
                IncidentSlackIds.INCIDENT_INPUT_TEXT, Map.of(IncidentSlackIds.INCIDENT_INPUT_TEXT, "Fix deployed <all good?> & watching")), hank)
                .send(f.app.uri());
        assertThat(submitted.status()).isEqualTo(200);
        var posted = f.slack().awaitCall("chat.postMessage", c -> f.isStatus(c.channel())
                && c.text().contains(incident.id() + ":") && c.text().contains("Fix deployed"), IncidentFixture.WAIT);
        assertThat(posted.text()).contains("[SEV2 · monitoring] " + incident.id(), "Fix deployed &lt;all good?&gt; &amp; watching");
        assertThat(f.incident(incident.number()).status().label()).isEqualTo("monitoring");

        var empty = f.app.signed().viewSubmission(IncidentSlackIds.INCIDENT_UPDATE_MODAL, incident.id(), Map.of(
                IncidentSlackIds.INCIDENT_INPUT_TEXT, Map.of(IncidentSlackIds.INCIDENT_INPUT_TEXT, "  ")), hank).send(f.app.uri());
        assertThat(empty.body()).contains("errors", IncidentSlackIds.INCIDENT_INPUT_TEXT);
    }

    @Test
    void whenInvitingTheNewHolderFailsTheCardAndTopicStillFollow() {
        String wes = f.user("wes");
        Incident incident = f.declare("declare Queue backlog sev3", wes, f.channel("ops", wes));
        String channel = incident.channelId().orElseThrow();
        f.slack().failNext("conversations.invite", dev.flightdeck.testing.Fault.error("user_not_found"));
        String ghost = f.user("ghost");
        f.command("role commander <@" + ghost + ">", wes, channel);
        awaitCard(incident, "*Commander*\n<@" + ghost + ">");
        f.slack().awaitCall("conversations.setTopic", c -> c.ok() && c.param("topic").contains("IC <@" + ghost + ">"),
                IncidentFixture.WAIT);
    }

    private void awaitCard(Incident incident, String shows) {
        String ts = incident.cardTs().orElseThrow();
        f.slack().awaitCall("chat.update", c -> c.ok() && ts.equals(c.param("ts")) && c.allText().contains(shows),
                IncidentFixture.WAIT);
    }
}
