package dev.flightdeck.persistence.metrics;

import dev.flightdeck.incident.Severity;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployRequests;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.metrics.DeliveryHistory;
import dev.flightdeck.metrics.DeliveryHistory.DeployFact;
import dev.flightdeck.metrics.DeliveryHistory.IncidentFact;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The metrics queries return exactly the rows of their time range, on H2 and on PostgreSQL. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DeliveryHistoryContract {

    @Inject
    DeliveryHistory history;
    @Inject
    DeployRepository deploys;
    @Inject
    IncidentRepository incidents;

    final Instant t0 = Instant.parse("2026-03-02T00:00:00Z");
    final Instant t1 = Instant.parse("2026-03-09T00:00:00Z");

    @Test
    @Order(1)
    void aFreshDatabaseIsEmpty() {
        assertThat(history.isEmpty()).isTrue();
        assertThat(history.finishedBetween(t0, t1)).isEmpty();
        assertThat(history.incidentsBetween(t0, t1)).isEmpty();
    }

    @Test
    @Order(2)
    void deploysAreReadByFinishTimeAndRollbacksByRequestTimeBoundsIncludedThenExcluded() {
        long atStart = insert("commons", "prod", DeployState.SUCCEEDED, t0.minusSeconds(3600), t0, null);
        insert("commons", "prod", DeployState.SUCCEEDED, t1.minusSeconds(7200), t1, null);           // at the end: out
        insert("commons", "prod", DeployState.SUCCEEDED, t0.minusSeconds(7200), t0.minusNanos(1000), null); // before: out
        long failed = insert("billing", "staging", DeployState.FAILED, t0.plusSeconds(10), t0.plusSeconds(600), null);
        insert("billing", "prod", DeployState.ABORTED, t0.plusSeconds(10), t0.plusSeconds(600), null);   // not a change
        insert("billing", "prod", DeployState.RUNNING, t0.plusSeconds(10), null, null);                  // not finished
        long rollback = insert("commons", "prod", DeployState.REQUESTED, t1.minusSeconds(60), null, atStart);
        insert("commons", "prod", DeployState.REQUESTED, t1.plusSeconds(60), null, atStart);             // after: out
        long earlierRollback = insert("billing", "prod", DeployState.REJECTED, t0.plusSeconds(30), null, failed);

        List<DeployFact> finished = history.finishedBetween(t0, t1);
        assertThat(finished).extracting(DeployFact::id).containsExactly(atStart, failed);
        DeployFact first = finished.get(0);
        assertThat(first.service()).isEqualTo("commons");
        assertThat(first.environment()).isEqualTo("prod");
        assertThat(first.succeeded()).isTrue();
        assertThat(first.requestedAt()).isEqualTo(t0.minusSeconds(3600));
        assertThat(first.finishedAt()).contains(t0);
        assertThat(finished.get(1).failed()).isTrue();
        assertThat(history.finishedBetween(t0, t1, List.of("prod"))).as("the counted environments only")
                .extracting(DeployFact::id).containsExactly(atStart);
        assertThat(history.finishedBetween(t0, t1, List.of("prod", "staging"))).extracting(DeployFact::id)
                .containsExactly(atStart, failed);

        List<DeployFact> rollbacks = history.rollbacksRequestedBetween(t0, t1);
        assertThat(rollbacks).as("in request order").extracting(DeployFact::id).containsExactly(earlierRollback, rollback);
        assertThat(rollbacks.get(1).rollbackOf()).contains(atStart);
        assertThat(history.isEmpty()).isFalse();
    }

    @Test
    @Order(3)
    void incidentsAreReadWhenDeclaredOrResolvedInTheRange() {
        long inside = declare("Commons emails delayed", t0.plusSeconds(3600), Optional.of(t0.plusSeconds(7200)));
        long resolvedInside = declare("Old billing trouble", t0.minus(Duration.ofDays(3)), Optional.of(t0.plusSeconds(60)));
        long stillOpen = declare("Queue backlog", t1.minusSeconds(1), Optional.empty());
        declare("Long ago", t0.minus(Duration.ofDays(10)), Optional.of(t0.minus(Duration.ofDays(9))));
        declare("Still open from before", t0.minus(Duration.ofDays(2)), Optional.empty());
        declare("Later", t1, Optional.empty());

        List<IncidentFact> found = history.incidentsBetween(t0, t1);
        assertThat(found).as("each once, by start").extracting(IncidentFact::number)
                .containsExactly(resolvedInside, inside, stillOpen);
        IncidentFact first = found.stream().filter(i -> i.number() == inside).findFirst().orElseThrow();
        assertThat(first.title()).isEqualTo("Commons emails delayed");
        assertThat(first.startedAt()).isEqualTo(t0.plusSeconds(3600));
        assertThat(first.resolvedAt()).contains(t0.plusSeconds(7200));
    }

    private long insert(String service, String env, DeployState state, Instant requested, Instant finished, Long rollbackOf) {
        DeployRequest r = DeployRequests.aRequest().of(service).to(env).version("1.0." + requested.getEpochSecond())
                .by("U1").rollbackOf(rollbackOf).in(state).requestedAt(requested).movedBy("U2", null)
                .changedAt(finished == null ? requested : finished)
                .startedAt(finished == null ? null : requested.plusSeconds(1)).finishedAt(finished).build();
        return deploys.insert(r, List.of()).id();
    }

    private long declare(String title, Instant started, Optional<Instant> resolved) {
        Incident i = incidents.create(new IncidentRepository.NewIncident(title, Severity.SEV3, "U1", "C1", started, Optional.empty()));
        resolved.ifPresent(at -> incidents.resolve(i.number(), at, new Incident.SummaryText("s", "a", "w", "p")));
        return i.number();
    }
}
