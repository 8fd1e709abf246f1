package dev.flightdeck.incident;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static dev.flightdeck.incident.IncidentWorld.DANA;
import static dev.flightdeck.incident.IncidentWorld.EVE;
import static dev.flightdeck.incident.IncidentWorld.LEAD;
import static dev.flightdeck.incident.IncidentWorld.OPS_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

/** The incident use cases against in-memory ports: what changes on the record, and what each one answers. */
class IncidentServiceTest {

    final IncidentWorld w = new IncidentWorld();
    final IncidentService incidents = w.incidents;

    // ---- declare

    @Test
    void declaringRecordsTheIncidentWithTheDeclarerAsCommanderAndLeavesSlackToTheSetUp() {
        IncidentResult result = incidents.declare("  Checkout returns 500s ", Severity.SEV2, DANA, OPS_CHANNEL);

        Incident incident = ((IncidentResult.Declared) result).incident();
        assertThat(incident.id()).isEqualTo("INC-1");
        assertThat(incident.title()).isEqualTo("Checkout returns 500s");
        assertThat(incident.commanderId()).isEqualTo(DANA);
        assertThat(incident.communicatorId()).isEmpty();
        assertThat(incident.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(incident.nextReminderAt()).contains(w.clock.instant().plus(Duration.ofHours(1))); // sev2 cadence
        assertThat(w.timelineTexts(incident)).containsExactly("Declared sev2: Checkout returns 500s");
        assertThat(w.auditTypes()).containsExactly("incident.declared");
        assertThat(w.channels.seen()).isEmpty();
    }

    @Test
    void aDeclarationWithoutATitleIsRefusedAndStoresNothing() {
        assertThat(incidents.declare("   ", Severity.SEV1, DANA, OPS_CHANNEL)).isInstanceOf(IncidentResult.NoTitle.class);
        assertThat(incidents.declare(null, Severity.SEV1, DANA, OPS_CHANNEL)).isInstanceOf(IncidentResult.NoTitle.class);
        assertThat(incidents.open()).isEmpty();
        assertThat(w.auditTypes()).isEmpty();
    }

    @Test
    void sev4HasNoUpdateCadence() {
        assertThat(w.declared("Typo on the pricing page", Severity.SEV4, DANA).nextReminderAt()).isEmpty();
    }

    // ---- finding the incident a command means

    @Test
    void aCommandMeansTheIncidentItNamesOrTheOneWhoseChannelItWasTypedIn() {
        Incident incident = w.declaredAndSetUp("Checkout down", Severity.SEV2, DANA);
        String channel = incident.channelId().orElseThrow();

        assertThat(incidents.lookUp(Optional.of("INC-1"), null)).isEqualTo(new IncidentResult.Found(incident));
        assertThat(incidents.lookUp(Optional.empty(), channel)).isEqualTo(new IncidentResult.Found(incident));
        assertThat(incidents.lookUp(Optional.of("INC-99"), channel))
                .isEqualTo(new IncidentResult.NoSuchIncident("INC-99"));
        assertThat(incidents.lookUp(Optional.empty(), OPS_CHANNEL))
                .isInstanceOf(IncidentResult.NotAnIncidentChannel.class);
        assertThat(incidents.lookUp(Optional.empty(), null)).isInstanceOf(IncidentResult.NotAnIncidentChannel.class);
    }

    // ---- roles

    @Test
    void theFirstCommunicatorIsNamedAndACommanderHandoverSaysFromWhom() {
        Incident incident = w.declared("Checkout down", Severity.SEV2, DANA);

        IncidentResult named = incidents.assignRole(Optional.of("INC-1"), null, IncidentRole.COMMUNICATOR, EVE, DANA);
        assertThat(named).isEqualTo(new IncidentResult.RoleAssigned(incident, IncidentRole.COMMUNICATOR, EVE,
                Optional.empty(), DANA));
        IncidentResult handover = incidents.assignRole(Optional.of("INC-1"), null, IncidentRole.COMMANDER, LEAD, LEAD);
        assertThat(((IncidentResult.RoleAssigned) handover).previous()).contains(DANA);

        Incident now = w.stored(incident);
        assertThat(now.communicatorId()).contains(EVE);
        assertThat(now.commanderId()).isEqualTo(LEAD);
        // Stored with mentions: Slack, the pages and the summary each show them as names.
        assertThat(w.timelineTexts(incident)).endsWith("<@U0EVE> is the communicator",
                "<@U0LEAD> took over as commander from <@U0DANA>");
        assertThat(w.auditTypes()).containsExactly("incident.declared", "incident.role_assigned",
                "incident.role_assigned");
    }

    @Test
    void namingTheSameHolderAgainChangesNothing() {
        Incident incident = w.declared("Checkout down", Severity.SEV2, DANA);

        assertThat(incidents.assignRole(Optional.of("INC-1"), null, IncidentRole.COMMANDER, DANA, EVE))
                .isEqualTo(new IncidentResult.AlreadyHolds(incident, IncidentRole.COMMANDER, DANA));
        assertThat(w.timelineTexts(incident)).hasSize(1);
    }

    // ---- updates

    @Test
    void anUpdateMovesTheStatusRestartsTheCadenceAndIsToldUnderItsNewStatus() {
        Incident incident = w.declared("Checkout down", Severity.SEV2, DANA);
        Instant later = w.clock.advance(Duration.ofMinutes(20));

        IncidentResult result = incidents.update(Optional.of("INC-1"), null, Optional.of(IncidentStatus.IDENTIFIED),
                "Bad config push; rolling back", EVE);

        IncidentResult.Updated updated = (IncidentResult.Updated) result;
        assertThat(updated.incident().status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(updated.text()).isEqualTo("Bad config push; rolling back");
        assertThat(updated.actor()).isEqualTo(EVE);
        Incident now = w.stored(incident);
        assertThat(now.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(now.firstUpdateAt()).contains(later);
        assertThat(now.nextReminderAt()).contains(later.plus(Duration.ofHours(1)));
        assertThat(w.timelineTexts(incident)).endsWith("Status investigating → identified", "Bad config push; rolling back");
    }

    @Test
    void anUpdateWithoutAStatusKeepsTheStatusAndCannotResolve() {
        Incident incident = w.declared("Checkout down", Severity.SEV2, DANA);

        IncidentResult same = incidents.update(Optional.of("INC-1"), null, Optional.empty(), "Still looking", DANA);
        assertThat(((IncidentResult.Updated) same).incident().status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(incidents.update(Optional.of("INC-1"), null, Optional.of(IncidentStatus.RESOLVED), "Done", DANA))
                .isEqualTo(new IncidentResult.CannotMove(w.stored(incident), IncidentStatus.INVESTIGATING,
                        IncidentStatus.RESOLVED));
        assertThat(w.timelineTexts(incident)).containsExactly("Declared sev2: Checkout down", "Still looking");
    }

    @Test
    void aResolvedIncidentTakesNoMoreChanges() {
        Incident incident = w.declared("Checkout down", Severity.SEV3, DANA);
        w.resolution.resolve(incident.number(), new Incident.SummaryText("s", "a", "w", "p"), DANA);
        Incident resolved = w.stored(incident);

        assertThat(incidents.update(Optional.of("INC-1"), null, Optional.empty(), "late", DANA))
                .isEqualTo(new IncidentResult.IsResolved(resolved));
        assertThat(incidents.note(Optional.of("INC-1"), null, "late", DANA))
                .isEqualTo(new IncidentResult.IsResolved(resolved));
        assertThat(incidents.assignRole(Optional.of("INC-1"), null, IncidentRole.COMMUNICATOR, EVE, EVE))
                .isEqualTo(new IncidentResult.IsResolved(resolved));
        assertThat(w.stored(incident).communicatorId()).isEmpty();
    }

    // ---- severity

    @Test
    void raisingTheSeverityIsOpenToAllAndTightensTheCadence() {
        Incident incident = w.declared("Checkout slow", Severity.SEV3, DANA);
        w.clock.advance(Duration.ofMinutes(10));

        IncidentResult result = incidents.changeSeverity(Optional.of("INC-1"), null, Severity.SEV1, EVE);

        IncidentResult.SeverityChanged changed = (IncidentResult.SeverityChanged) result;
        assertThat(changed.from()).isEqualTo(Severity.SEV3);
        assertThat(changed.to()).isEqualTo(Severity.SEV1);
        assertThat(changed.raised()).isTrue();
        // The cadence counts from the last time anyone heard (the declaration): sev1 wants one every 30 minutes.
        assertThat(w.stored(incident).nextReminderAt()).contains(incident.startedAt().plus(Duration.ofMinutes(30)));
        assertThat(w.timelineTexts(incident)).endsWith("Severity sev3 → sev1");
        assertThat(incidents.changeSeverity(Optional.of("INC-1"), null, Severity.SEV1, EVE))
                .isEqualTo(new IncidentResult.SameSeverity(w.stored(incident), Severity.SEV1));
    }

    @Test
    void loweringBelowTheDeployFreezeIsForTheCommanderOrAnApprover() {
        Incident incident = w.declared("Checkout down", Severity.SEV2, DANA); // prod freezes at sev2

        IncidentResult refused = incidents.changeSeverity(Optional.of("INC-1"), null, Severity.SEV3, EVE);
        FreezeLiftPolicy.Rejected why = ((IncidentResult.NotAllowed) refused).why();
        assertThat(why.frozen()).containsExactly("prod");
        assertThat(why.commanderId()).isEqualTo(DANA);
        assertThat(w.stored(incident).severity()).isEqualTo(Severity.SEV2);

        IncidentResult lowered = incidents.changeSeverity(Optional.of("INC-1"), null, Severity.SEV3, IncidentWorld.RM);
        assertThat(((IncidentResult.SeverityChanged) lowered).raised()).isFalse();
        assertThat(w.stored(incident).severity()).isEqualTo(Severity.SEV3);
    }

    // ---- notes

    @Test
    void aNoteGoesOnTheTimelineAsWritten() {
        Incident incident = w.declared("Checkout down", Severity.SEV2, DANA);

        assertThat(incidents.note(Optional.of("INC-1"), null, "Grafana: p99 at 8s since 09:52", EVE))
                .isEqualTo(new IncidentResult.Noted(incident));
        assertThat(w.repository.timeline(incident.number())).last()
                .isEqualTo(new TimelineEntry(w.clock.instant(), EVE, TimelineEntry.Kind.NOTE,
                        "Grafana: p99 at 8s since 09:52"));
    }
}
