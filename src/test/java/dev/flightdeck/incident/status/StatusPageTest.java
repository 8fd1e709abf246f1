package dev.flightdeck.incident.status;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import static dev.flightdeck.incident.status.StatusWorld.DANA;
import static org.assertj.core.api.Assertions.assertThat;

/** The services' states and the incidents the page lists, computed from open incidents and what was published. */
class StatusPageTest {

    final StatusWorld w = new StatusWorld();

    ServiceState state(StatusView view, String service) {
        return view.components().stream().filter(c -> c.name().equals(service)).findFirst().orElseThrow().state();
    }

    @Test
    void withNothingOpenEveryServiceIsOperationalAndNothingIsListed() {
        StatusView view = w.page.now();

        assertThat(view.components()).extracting(StatusView.Component::name).containsExactly("billing", "search", "web");
        assertThat(view.components()).extracting(StatusView.Component::state).containsOnly(ServiceState.OPERATIONAL);
        assertThat(view.overall()).isEqualTo(Impact.NONE);
        assertThat(view.incidents()).isEmpty();
        assertThat(view.updatedAt()).isEqualTo(w.clock.instant());
    }

    @Test
    void eachSeverityGivesTheServicesItsTitleNamesAStateAndTheWorstWins() {
        w.declared("Billing API returns 500s", Severity.SEV2);
        w.declared("billing: slow invoices", Severity.SEV3);
        w.declared("rebilling job and websocket lag", Severity.SEV1);  // names neither billing nor web
        w.declared("Search typo suggestions off", Severity.SEV4);

        StatusView view = w.page.now();

        assertThat(state(view, "billing")).isEqualTo(ServiceState.PARTIAL_OUTAGE);
        assertThat(state(view, "web")).isEqualTo(ServiceState.OPERATIONAL);
        assertThat(state(view, "search")).as("sev4 leaves it operational").isEqualTo(ServiceState.OPERATIONAL);
        assertThat(view.overall()).isEqualTo(Impact.MAJOR);
        assertThat(view.incidents()).as("nothing published yet").isEmpty();
    }

    @Test
    void aPublicUpdateOrAnAlertCanNameAServiceTooAndAResolvedIncidentFreesIt() {
        Incident a = w.declared("Payments page blank", Severity.SEV1);
        w.publish(a, "The web checkout shows a blank page.", DANA);
        Incident b = w.declared("Alarm fired", Severity.SEV3);
        w.alertLinks.put(b.id(), Set.of("search"));

        StatusView view = w.page.now();
        assertThat(state(view, "web")).isEqualTo(ServiceState.MAJOR_OUTAGE);
        assertThat(state(view, "search")).isEqualTo(ServiceState.DEGRADED_PERFORMANCE);
        assertThat(view.overall()).isEqualTo(Impact.CRITICAL);

        w.clock.advance(Duration.ofMinutes(30));
        w.incidents.update(Optional.of(a.id()), null, Optional.of(IncidentStatus.MONITORING), "internal", DANA);
        new dev.flightdeck.incident.IncidentResolution(w.incidents, w.repository, w.auditor,
                new dev.flightdeck.incident.FreezeLiftPolicy(w.team, new dev.flightdeck.deploy.ApprovalPolicy(
                        new dev.flightdeck.incident.fakes.FakePeople())),
                new dev.flightdeck.people.PersonNames(java.util.List.of()))
                .resolve(a.number(), new Incident.SummaryText("s", "", "", ""), DANA);
        StatusView after = w.page.now();
        assertThat(state(after, "web")).isEqualTo(ServiceState.OPERATIONAL);
        assertThat(after.components().stream().filter(c -> c.name().equals("web")).findFirst().orElseThrow().updatedAt())
                .isEqualTo(w.clock.instant());
        assertThat(after.overall()).isEqualTo(Impact.MINOR);
        assertThat(after.incidents()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(a.id());
            assertThat(i.isOpen()).isFalse();
            assertThat(i.resolvedAt()).contains(w.clock.instant());
            assertThat(i.services()).containsExactly("web");
        });
    }

    @Test
    void openIncidentsComeFirstWithUpdatesNewestFirstAndResolvedOnesGoAfterFourteenDays() {
        Incident old = w.declared("Billing exports late", Severity.SEV3);
        w.publish(old, "Exports are late.", DANA);
        w.publishing.publishSummary(old, new Incident.SummaryText("Exports were late.", "", "", ""), DANA);
        w.repository.resolve(old.number(), w.clock.instant(), new Incident.SummaryText("", "", "", ""));
        w.clock.advance(Duration.ofDays(1));
        Incident open = w.declared("Search down", Severity.SEV1);
        w.publish(open, "First.", DANA);
        w.clock.advance(Duration.ofMinutes(10));
        w.publish(open, "Second.", DANA);

        StatusView view = w.page.now();
        assertThat(view.incidents()).extracting(StatusView.Shown::id).containsExactly(open.id(), old.id());
        assertThat(view.incidents().get(0).updates()).extracting(PublicUpdate::body).containsExactly("Second.", "First.");
        assertThat(view.incidents().get(0).impact()).isEqualTo(Impact.CRITICAL);
        assertThat(view.incidents().get(1).summary().orElseThrow().body()).isEqualTo("Summary\nExports were late.");
        assertThat(view.incidents().get(1).everything()).extracting(PublicUpdate::kind)
                .containsExactly(PublicUpdate.Kind.SUMMARY, PublicUpdate.Kind.UPDATE);
        assertThat(view.updatedAt()).isEqualTo(w.clock.instant());

        w.clock.advance(Duration.ofDays(13).plusMinutes(1));
        assertThat(w.page.now().incidents()).extracting(StatusView.Shown::id).containsExactly(open.id());
    }
}
