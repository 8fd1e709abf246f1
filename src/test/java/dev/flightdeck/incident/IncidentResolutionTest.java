package dev.flightdeck.incident;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static dev.flightdeck.incident.IncidentWorld.DANA;
import static dev.flightdeck.incident.IncidentWorld.EVE;
import static org.assertj.core.api.Assertions.assertThat;

/** Resolving, and the summary form's first draft, against in-memory ports. */
class IncidentResolutionTest {

    final IncidentWorld w = new IncidentWorld();
    final Incident.SummaryText parts = new Incident.SummaryText("Checkout failed for 90 minutes",
            "Card payments", "A config push", "Canary config pushes");

    @Test
    void listenersHearTheDeclarationTheSeverityAndTheResolutionAfterEachIsStoredEvenWhenOneFails() {
        Incident incident = w.declaredAndSetUp("Checkout down", Severity.SEV3, DANA);
        w.incidents.changeSeverity(java.util.Optional.of(incident.id()), "C0X", Severity.SEV1, DANA);
        w.incidents.changeSeverity(java.util.Optional.of(incident.id()), "C0X", Severity.SEV1, DANA);
        w.resolution.resolve(incident.number(), parts, DANA);
        w.resolution.resolve(incident.number(), parts, DANA);
        assertThat(w.heard).containsExactly("declared " + incident.id(), "severity " + incident.id() + " sev3→sev1",
                "resolved " + incident.id() + " " + IncidentStatus.RESOLVED.label());
    }

    @Test
    void resolvingRecordsTheSummaryAndHowLongItTook() {
        Incident incident = w.declared("Checkout down", Severity.SEV3, DANA);
        w.clock.advance(Duration.ofMinutes(90));

        IncidentResult result = w.resolution.resolve(incident.number(), parts, DANA);

        assertThat(result).isEqualTo(new IncidentResult.Resolved(incident, Duration.ofMinutes(90)));
        Incident resolved = w.stored(incident);
        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).contains(w.clock.instant());
        assertThat(resolved.nextReminderAt()).isEmpty();
        assertThat(resolved.summary()).contains(parts);
        assertThat(w.timelineTexts(incident)).endsWith("Resolved after 1h 30m");
        assertThat(w.auditTypes()).endsWith("incident.resolved");
    }

    @Test
    void aSecondSubmitIsRefusedAndAFormForAnUnknownIncidentToo() {
        Incident incident = w.declared("Checkout down", Severity.SEV3, DANA);
        w.resolution.resolve(incident.number(), parts, DANA);

        assertThat(w.resolution.resolve(incident.number(), parts, EVE))
                .isEqualTo(new IncidentResult.AlreadyResolved(w.stored(incident)));
        assertThat(w.resolution.resolve(42, parts, EVE)).isEqualTo(new IncidentResult.FormForNoIncident("INC-42"));
        assertThat(w.timelineTexts(incident)).filteredOn(t -> t.startsWith("Resolved")).hasSize(1);
    }

    @Test
    void resolvingAnIncidentThatFreezesDeploysIsForTheCommanderOrAnApprover() {
        Incident incident = w.declared("Checkout down", Severity.SEV1, DANA);

        assertThat(w.resolution.resolve(incident.number(), parts, EVE)).isInstanceOf(IncidentResult.NotAllowed.class);
        assertThat(w.stored(incident).isOpen()).isTrue();
        assertThat(w.resolution.resolve(incident.number(), parts, IncidentWorld.LEAD))
                .isInstanceOf(IncidentResult.Resolved.class);
    }

    @Test
    void theDraftNamesThePeopleTheTimelineMentions() {
        w.people.named(EVE, "Eve Ops");
        Incident incident = w.declared("Checkout down", Severity.SEV2, DANA);
        w.incidents.assignRole(Optional.of("INC-1"), null, IncidentRole.COMMUNICATOR, EVE, DANA);
        w.incidents.update(Optional.of("INC-1"), null, Optional.empty(), "EU customers cannot pay", EVE);

        Incident.SummaryText draft = w.resolution.draft(w.stored(incident));

        assertThat(draft.summary()).isEqualTo("Checkout down. EU customers cannot pay");
        assertThat(draft.affected()).isEqualTo("EU customers cannot pay");
        assertThat(draft.whatHappened()).contains("@Eve Ops is the communicator").doesNotContain("<@");
        assertThat(draft.prevention()).isEmpty();
    }
}
