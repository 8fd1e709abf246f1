package dev.flightdeck.slack.incident;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.testing.FakeMessage;
import dev.flightdeck.testing.Fault;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two updates sent back to back arrive in the order they were made, each under the status it set,
 * in the incident channel and the stakeholder channel. Slack work of an earlier change (a role's invite, slow here)
 * is still running when both updates are recorded: a message rendered from the incident as re-read at send time would
 * show the later status twice.
 */
class IncidentUpdateOrderTest {

    final IncidentFixture f = new IncidentFixture();

    @Test
    void updatesSentBackToBackArriveInOrderEachUnderItsOwnStatus() {
        String ivy = f.user("ivy");
        String jack = f.user("jack");
        Incident incident = f.declare("declare Payments time out sev2", ivy, f.channel("ops", ivy));
        String channel = incident.channelId().orElseThrow();

        f.slack().failNext("conversations.invite", Fault.delay(Duration.ofMillis(1500)));
        assertThat(IncidentFixture.text(f.command("role communicator <@" + jack + "|jack>", ivy, channel)))
                .contains("is the communicator");
        assertThat(IncidentFixture.text(f.command("update identified first", ivy, channel))).contains("Update posted");
        assertThat(IncidentFixture.text(f.command("update monitoring second", ivy, channel))).contains("Update posted");

        for (String where : List.of(channel, f.statusChannel)) {
            List<FakeMessage> updates = awaitUpdates(where, incident);
            assertThat(updates).as("updates in %s", where).hasSize(2);
            assertThat(updates.get(0).text()).startsWith("*[SEV2 · identified] " + incident.id()).contains("\nfirst\n");
            assertThat(updates.get(1).text()).startsWith("*[SEV2 · monitoring] " + incident.id()).contains("\nsecond\n");
        }
    }

    private List<FakeMessage> awaitUpdates(String channel, Incident incident) {
        long deadline = System.nanoTime() + IncidentFixture.WAIT.toNanos();
        while (true) {
            List<FakeMessage> updates = f.slack().messagesIn(channel).stream()
                    .filter(m -> m.text() != null && m.text().startsWith("*[SEV2 · ") && m.text().contains(incident.id() + ":"))
                    .toList();
            if (updates.size() >= 2 || System.nanoTime() > deadline) {
                return updates;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return updates;
            }
        }
    }
}
