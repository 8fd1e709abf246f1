package dev.flightdeck.slack.incident;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentReminders;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.testing.FakeSlack;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The update cadence with the test clock: the communicator is DM'd, nobody else; an update resets it. */
class IncidentRemindersTest {

    final IncidentFixture f = new IncidentFixture();

    @Test
    void aSilentSev1RemindsTheCommunicatorOnceByDmAndAnUpdateResetsTheClock() {
        String ivy = f.user("ivy");
        String jack = f.user("jack");
        String here = f.channel("ops", ivy);
        Incident incident = f.declare("declare Orders not shipping sev1", ivy, here);
        String channel = incident.channelId().orElseThrow();
        f.command("role communicator <@" + jack + ">", ivy, channel);
        f.slack().awaitCall("chat.postMessage", c -> jack.equals(c.channel()), IncidentFixture.WAIT); // the role brief

        f.app.clock.advance(Duration.ofMinutes(29));
        f.runReminders();
        assertThat(reminders(incident, jack)).isEmpty();

        f.app.clock.advance(Duration.ofMinutes(2));
        f.runReminders();
        FakeSlack.Call dm = f.slack().awaitCall("chat.postMessage", c -> jack.equals(c.channel())
                && c.text().contains("no update for"), IncidentFixture.WAIT);
        assertThat(dm.ok()).isTrue();
        assertThat(dm.text()).contains(incident.id(), "31m");
        assertThat(dm.blocks().toString()).contains(IncidentSlackIds.INCIDENT_OPEN_UPDATE);
        f.runReminders();
        assertThat(reminders(incident, jack)).hasSize(1);
        assertThat(reminders(incident, ivy)).as("not the commander").isEmpty();
        assertThat(reminders(incident, channel)).as("not the channel").isEmpty();
        assertThat(f.slack().channel(jack).orElseThrow().id()).startsWith("D");

        f.command("update Still rolling back", jack, channel);
        f.app.clock.advance(Duration.ofMinutes(29));
        f.runReminders();
        assertThat(reminders(incident, jack)).hasSize(1);
        f.app.clock.advance(Duration.ofMinutes(2));
        f.runReminders();
        f.slack().awaitCall("chat.postMessage", c -> jack.equals(c.channel()) && c.text().contains(incident.id())
                && c.text().contains("no update for 31m"), IncidentFixture.WAIT);
        assertThat(reminders(incident, jack)).hasSize(2);
    }

    @Test
    void withoutACommunicatorTheCommanderIsAskedToNameOne() {
        String kim = f.user("kim");
        Incident incident = f.declare("declare Search degraded sev2", kim, f.channel("ops", kim));
        double counted = commanderRemindersCounted();
        f.app.clock.advance(Duration.ofMinutes(61));
        f.runReminders();
        // Counted for the overdue-updates alert (other incidents of the shared app may be reminded in the same run).
        assertThat(commanderRemindersCounted()).isGreaterThan(counted);
        FakeSlack.Call dm = f.slack().awaitCall("chat.postMessage", c -> kim.equals(c.channel())
                && c.text().contains(incident.id()), IncidentFixture.WAIT);
        assertThat(dm.text()).contains("no communicator", "/incident role communicator");
    }

    @Test
    void aReminderClaimedByAReplicaThatDiedBeforeSendingIsSentWhenTheLeaseEnds() {
        String max = f.user("max");
        Incident incident = f.declare("declare Checkout errors sev2", max, f.channel("ops", max));
        f.app.clock.advance(Duration.ofMinutes(61));
        // The dead replica's half of the work: the claim, and no DM.
        IncidentRepository repository = f.app.bean(IncidentRepository.class);
        Instant now = f.app.clock.instant();
        Instant due = f.incident(incident.number()).nextReminderAt().orElseThrow();
        assertThat(repository.claimReminder(incident.number(), due, Optional.of(now.plus(IncidentReminders.CLAIM_LEASE))))
                .isTrue();

        f.runReminders();
        f.app.clock.advance(IncidentReminders.CLAIM_LEASE.minusSeconds(1));
        f.runReminders();
        assertThat(commanderReminders(incident, max)).as("the lease still holds").isEmpty();

        f.app.clock.advance(Duration.ofSeconds(1));
        f.runReminders();
        f.slack().awaitCall("chat.postMessage", c -> max.equals(c.channel()) && c.text().contains(incident.id())
                && c.text().contains("no communicator"), IncidentFixture.WAIT);
        f.runReminders();
        assertThat(commanderReminders(incident, max)).as("sent once, then the regular cadence").hasSize(1);
        assertThat(f.incident(incident.number()).nextReminderAt()).contains(f.app.clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void aSev4NeverReminds() {
        String lee = f.user("lee");
        Incident incident = f.declare("declare Typo on the status page sev4", lee, f.channel("ops", lee));
        assertThat(incident.nextReminderAt()).isEmpty();
        f.app.clock.advance(Duration.ofHours(30));
        f.runReminders();
        assertThat(f.slack().calls("chat.postMessage")).filteredOn(c -> lee.equals(c.channel())).isEmpty();
    }

    private double commanderRemindersCounted() {
        return f.app.bean(MeterRegistry.class).get("flightdeck.incident.reminders").tag("role", "commander")
                .tag("outcome", "sent").counter().count();
    }

    private List<FakeSlack.Call> commanderReminders(Incident incident, String to) {
        return f.slack().calls("chat.postMessage").stream()
                .filter(c -> to.equals(c.channel()) && c.text() != null && c.text().contains(incident.id())
                        && c.text().contains("no communicator"))
                .toList();
    }

    private List<FakeSlack.Call> reminders(Incident incident, String to) {
        return f.slack().calls("chat.postMessage").stream()
                .filter(c -> to.equals(c.channel()) && c.text() != null && c.text().contains(incident.id())
                        && c.text().contains("no update for"))
                .toList();
    }
}
