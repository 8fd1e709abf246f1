package dev.flightdeck.incident;

import dev.flightdeck.incident.fakes.FakeIncidentChannels.RemindedCommander;
import dev.flightdeck.incident.fakes.FakeIncidentChannels.RemindedCommunicator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.flightdeck.incident.IncidentWorld.DANA;
import static dev.flightdeck.incident.IncidentWorld.EVE;
import static org.assertj.core.api.Assertions.assertThat;

/** The update cadence against in-memory ports: who is reminded, when, and how often. */
class IncidentRemindersTest {

    final IncidentWorld w = new IncidentWorld();
    final List<ReminderObserver.Outcome> observed = new ArrayList<>();
    final IncidentReminders reminders = new IncidentReminders(w.repository, w.channels, w.setup, w.auditor, w.clock,
            w.team, List.of((incident, role, outcome) -> observed.add(outcome)), IncidentReminders.CLAIM_LEASE);

    @Test
    void untilACommunicatorIsNamedTheCommanderIsRemindedThenTheCommunicator() {
        w.declaredAndSetUp("Checkout down", Severity.SEV2, DANA);
        w.clock.advance(Duration.ofMinutes(59));
        assertThat(reminders.runDue()).isZero();

        w.clock.advance(Duration.ofMinutes(1));
        assertThat(reminders.runDue()).isEqualTo(1);
        assertThat(w.channels.seen(RemindedCommander.class))
                .containsExactly(new RemindedCommander(1, DANA, Duration.ofHours(1)));
        assertThat(reminders.runDue()).as("claimed once").isZero();

        w.incidents.assignRole(Optional.of("INC-1"), null, IncidentRole.COMMUNICATOR, EVE, DANA);
        w.clock.advance(Duration.ofHours(1));
        assertThat(reminders.runDue()).isEqualTo(1);
        assertThat(w.channels.seen(RemindedCommunicator.class))
                .containsExactly(new RemindedCommunicator(1, EVE, Duration.ofHours(2)));
        assertThat(observed).containsExactly(ReminderObserver.Outcome.SENT, ReminderObserver.Outcome.SENT);
    }

    @Test
    void anUpdateMovesTheNextReminderAndAFailedOneWaitsAWholeCadence() {
        w.declaredAndSetUp("Checkout down", Severity.SEV1, DANA);
        w.clock.advance(Duration.ofMinutes(20));
        w.incidents.update(Optional.of("INC-1"), null, Optional.empty(), "Rolling back", DANA);
        w.clock.advance(Duration.ofMinutes(20));
        assertThat(reminders.runDue()).as("30 minutes from the update, not the declaration").isZero();

        w.clock.advance(Duration.ofMinutes(10));
        w.channels.failNext(RemindedCommander.class);
        assertThat(reminders.runDue()).isZero();
        assertThat(observed).containsExactly(ReminderObserver.Outcome.FAILED);
        w.clock.advance(IncidentReminders.CLAIM_LEASE);
        assertThat(reminders.runDue()).as("not retried at the lease's end").isZero();
        w.clock.advance(Duration.ofMinutes(30).minus(IncidentReminders.CLAIM_LEASE));
        assertThat(reminders.runDue()).isEqualTo(1);
    }

    @Test
    void theJobResumesADeclarationSlackStopped() {
        Incident incident = w.declared("Checkout down", Severity.SEV4, DANA);
        w.channels.failNext(dev.flightdeck.incident.fakes.FakeIncidentChannels.TopicSet.class);
        w.setup.runFirst(incident.number());
        assertThat(w.stored(incident).setupComplete()).isFalse();

        w.clock.advance(IncidentSetup.LEASE);
        reminders.runDue();

        assertThat(w.stored(incident).setupComplete()).isTrue();
    }
}
