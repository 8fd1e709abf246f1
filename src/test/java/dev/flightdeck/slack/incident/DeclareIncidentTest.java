package dev.flightdeck.slack.incident;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.testing.FakeChannel;
import dev.flightdeck.testing.FakeMessage;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** /incident declare through /slack/events: channel, invites, pinned card (asking for a communicator), topic, announcement. */
class DeclareIncidentTest {

    final IncidentFixture f = new IncidentFixture();

    @AfterEach
    void noFaultsLeft() {
        f.slack().clearFaults();
    }

    @Test
    void aLongUnicodeTitleMakesAValidChannelAndEverythingAroundIt() {
        String alice = f.user("alice");
        String here = f.channel("ops", alice);
        String title = ("Zahlungsausfall für Kunden in Köln — 支付失败 Straße Ærø café crème brûlée ").repeat(3)
                .substring(0, 200);
        long started = System.nanoTime();
        var reply = f.command("declare " + title + " sev2", alice, here);
        assertThat((System.nanoTime() - started) / 1_000_000).as("ack ms").isLessThan(3000);
        assertThat(IncidentFixture.text(reply)).startsWith("Declaring INC-").contains("sev2");

        long n = Long.parseLong(IncidentFixture.text(reply).replaceAll("(?s)^Declaring INC-(\\d+).*", "$1"));
        Incident incident = f.awaitSetUp(n);
        String name = incident.channelName().orElseThrow();
        assertThat(name).hasSizeLessThanOrEqualTo(80).matches("inc-" + n + "-[a-z0-9_-]+")
                .startsWith("inc-" + n + "-zahlungsausfall-fur-kunden-in-koln-strasse-aero-cafe-creme-brulee");

        FakeChannel channel = f.slack().channel(incident.channelId().orElseThrow()).orElseThrow();
        assertThat(channel.name()).isEqualTo(name);
        assertThat(channel.hasMember(alice)).isTrue();
        assertThat(channel.pinnedTs()).containsExactly(incident.cardTs().orElseThrow());
        assertThat(channel.topic()).contains(incident.id(), "SEV2", "<@" + alice + ">");
        FakeMessage card = f.card(incident);
        assertThat(card.allText()).contains(incident.id(), "sev2", "investigating", "<@" + alice + ">", "none yet");

        assertThat(f.slack().messagesIn(f.incidentsChannel)).filteredOn(m -> m.text().contains("*" + incident.id() + "*"))
                .hasSize(1).first().satisfies(m -> assertThat(m.text()).contains("declared", "<#" + channel.id() + ">"));
        // The card asks for a communicator (DESIGN 5); no other message in the channel does.
        assertThat(card.text()).contains("Who will communicate for " + incident.id() + "?");
        assertThat(card.blocks().toString()).contains(IncidentSlackIds.INCIDENT_CLAIM_COMMUNICATOR,
                IncidentSlackIds.INCIDENT_NAME_COMMUNICATOR);
        assertThat(f.slack().messagesIn(channel.id())).filteredOn(m -> m.allText().contains("Who will communicate"))
                .extracting(FakeMessage::ts).containsExactly(card.ts());
        // Channel creation before invites, invites in one call.
        List<FakeSlack.Call> calls = f.slack().calls();
        int created = indexOf(calls, "conversations.create", name);
        int invited = calls.indexOf(calls.stream().filter(c -> c.method().equals("conversations.invite")
                && channel.id().equals(c.channel())).findFirst().orElseThrow());
        assertThat(created).isLessThan(invited);
    }

    @Test
    void aTakenNameGetsASuffixAndTheSecondIncidentADistinctChannel() {
        String bob = f.user("bob");
        String here = f.channel("ops", bob);
        Incident first = f.declare("declare Search is down sev3", bob, here);
        f.slack().failNext("conversations.create", Fault.error("name_taken"));
        Incident second = f.declare("declare Search is down sev3", bob, here);

        String plain = "inc-" + second.number() + "-search-is-down";
        assertThat(f.slack().calls("conversations.create")).filteredOn(c -> c.param("name").startsWith(plain))
                .extracting(c -> c.param("name") + " " + c.error()).containsExactly(plain + " name_taken", plain + "-2 null");
        assertThat(second.channelName()).contains(plain + "-2");
        assertThat(second.channelId()).isNotEqualTo(first.channelId());
        assertThat(f.slack().channel(second.channelId().orElseThrow()).orElseThrow().hasMember(bob)).isTrue();
    }

    @Test
    void rateLimitsDuringDeclareAreRetriedAndEachStepHappensOnce() {
        String carol = f.user("carol");
        String here = f.channel("ops", carol);
        Fault limited = Fault.rateLimited(Duration.ZERO);
        f.slack().failNext("conversations.create", Fault.times(2, limited));
        f.slack().failNext("conversations.invite", limited);
        f.slack().failNext("chat.postMessage", Fault.times(2, limited));
        f.slack().failNext("pins.add", limited);
        f.slack().failNext("conversations.setTopic", limited);

        Incident incident = f.declare("declare Payments timing out sev1", carol, here);
        String channel = incident.channelId().orElseThrow();

        assertThat(f.slack().successfulCalls("conversations.create"))
                .filteredOn(c -> c.param("name").startsWith("inc-" + incident.number() + "-")).hasSize(1);
        assertThat(f.slack().calls("conversations.create"))
                .filteredOn(c -> c.param("name").startsWith("inc-" + incident.number() + "-")).hasSize(3);
        assertThat(f.slack().successfulCalls("pins.add")).filteredOn(c -> channel.equals(c.channel())).hasSize(1);
        assertThat(f.slack().channel(channel).orElseThrow().pinnedTs()).hasSize(1);
        assertThat(f.slack().messagesIn(f.incidentsChannel))
                .filteredOn(m -> m.text().contains("*" + incident.id() + "*")).hasSize(1);
        assertThat(f.slack().messagesIn(channel)).filteredOn(m -> m.text() != null && m.text().startsWith(incident.id() + " ("))
                .hasSize(1);
    }

    @Test
    void aDeclarationStoppedBySlackResumesWhereItStoppedWithoutRepeatingSteps() {
        String sam = f.user("sam");
        String here = f.channel("ops", sam);
        f.slack().failNext("pins.add", Fault.error("internal_error"));
        long n = f.declareNoWait("declare Webhooks delayed sev2", sam, here);
        f.slack().awaitCall("pins.add", c -> "internal_error".equals(c.error()), IncidentFixture.WAIT);
        f.slack().awaitCall("chat.postEphemeral", c -> sam.equals(c.param("user")) && here.equals(c.channel())
                && c.text().contains("INC-" + n + " is recorded, but Slack stopped"), IncidentFixture.WAIT);
        Incident stalled = f.incident(n);
        assertThat(stalled.setupComplete()).isFalse();
        assertThat(stalled.cardTs()).isPresent();

        f.runReminders(); // the lease still holds: nothing happens
        assertThat(f.slack().calls("pins.add")).filteredOn(c -> stalled.channelId().get().equals(c.channel())).hasSize(1);
        f.app.clock.advance(Duration.ofMinutes(3));
        f.runReminders();
        Incident done = f.awaitSetUp(n);

        String channel = done.channelId().orElseThrow();
        assertThat(f.slack().calls("conversations.create")).filteredOn(c -> c.param("name").startsWith("inc-" + n + "-")).hasSize(1);
        assertThat(f.slack().calls("conversations.invite")).filteredOn(c -> channel.equals(c.channel())).hasSize(1);
        assertThat(f.slack().messagesIn(channel)).filteredOn(m -> m.text() != null && m.text().startsWith(done.id() + " ("))
                .hasSize(1);
        assertThat(f.slack().channel(channel).orElseThrow().pinnedTs()).containsExactly(done.cardTs().orElseThrow());
        assertThat(f.slack().messagesIn(f.incidentsChannel)).filteredOn(m -> m.text().contains("*" + done.id() + "*")).hasSize(1);
    }

    @Test
    void outsideAnIncidentChannelCommandsNeedAnIdAndUnknownIdsSaySo() {
        String dan = f.user("dan");
        String here = f.channel("random", dan);
        assertThat(IncidentFixture.text(f.command("note Paged the DBA", dan, here)))
                .contains("not an incident channel", "INC-12");
        assertThat(IncidentFixture.text(f.command("note INC-99999 Paged the DBA", dan, here)))
                .contains("INC-99999 does not exist");
        assertThat(IncidentFixture.text(f.command("summary INC-99999", dan, here))).contains("does not exist");
    }

    private static int indexOf(List<FakeSlack.Call> calls, String method, String name) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).method().equals(method) && name.equals(calls.get(i).param("name"))) {
                return i;
            }
        }
        throw new AssertionError(method + " " + name + " not called");
    }
}
