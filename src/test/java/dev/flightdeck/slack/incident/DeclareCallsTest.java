package dev.flightdeck.slack.incident;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Slack calls a declaration makes: none that repeats what people already see, none that leaves the card behind. */
class DeclareCallsTest {

    final IncidentFixture f = new IncidentFixture();

    @AfterEach
    void noFaultsLeft() {
        f.slack().clearFaults();
    }

    @Test
    void aDeclarationNothingChangedDuringMakesSixCallsAndLeavesTheCardAsPosted() {
        String uma = f.user("uma");
        Incident incident = f.declare("declare Invoices stuck sev3", uma, f.channel("ops", uma));
        String channel = incident.channelId().orElseThrow();
        String cardTs = incident.cardTs().orElseThrow();

        assertThat(f.card(incident).allText()).contains(incident.id(), "sev3", "investigating", "<@" + uma + ">", "none yet",
                "Who will communicate for " + incident.id() + "?");
        assertThat(f.slack().calls("chat.update")).filteredOn(c -> cardTs.equals(c.param("ts"))).isEmpty();
        List<String> made = f.slack().calls().stream()
                .filter(c -> channel.equals(c.channel())
                        || "conversations.create".equals(c.method()) && c.param("name").startsWith("inc-" + incident.number() + "-")
                        || f.isIncidents(c.channel()) && c.text() != null && c.text().contains("*" + incident.id() + "*"))
                .map(FakeSlack.Call::method).toList();
        // channel, invites, the card (which asks for a communicator), pin, topic, the announcement: in this order
        assertThat(made).containsExactly("conversations.create", "conversations.invite", "chat.postMessage",
                "pins.add", "conversations.setTopic", "chat.postMessage");
    }

    @Test
    void aRoleGivenWhileTheCardIsBeingPostedShowsOnTheCardOnceSetUpIsDone() {
        String vic = f.user("vic");
        String wim = f.user("wim");
        f.slack().failNext("chat.postMessage", Fault.delay(Duration.ofSeconds(3))); // the card: a slow Slack
        long n = f.declareNoWait("declare Exports failing sev2", vic, f.channel("ops", vic));
        f.slack().awaitCall("conversations.invite", c -> c.ok() && f.incident(n).channelId().isPresent()
                && f.incident(n).channelId().get().equals(c.channel()), IncidentFixture.WAIT);
        String channel = f.incident(n).channelId().orElseThrow();
        assertThat(f.incident(n).cardTs()).isEmpty();

        assertThat(IncidentFixture.text(f.command("role communicator <@" + wim + ">", vic, channel)))
                .contains("<@" + wim + "> is the communicator");
        assertThat(f.incident(n).cardTs()).as("the role was given before the card's ts was known").isEmpty();
        Incident done = f.awaitSetUp(n);

        String cardTs = done.cardTs().orElseThrow();
        assertThat(f.slack().successfulCalls("chat.update")).filteredOn(c -> cardTs.equals(c.param("ts")))
                .singleElement().satisfies(c -> assertThat(c.allText()).contains("*Communicator*\n<@" + wim + ">"));
        assertThat(f.card(done).allText()).contains("*Communicator*\n<@" + wim + ">");
        assertThat(f.card(done).blocks().toString()).doesNotContain(IncidentSlackIds.INCIDENT_CLAIM_COMMUNICATOR,
                IncidentSlackIds.INCIDENT_NAME_COMMUNICATOR);
        assertThat(f.card(done).allText()).doesNotContain("Who will communicate");
    }
}
