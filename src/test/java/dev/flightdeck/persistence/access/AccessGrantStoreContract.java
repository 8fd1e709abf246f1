package dev.flightdeck.persistence.access;

import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.access.AccessGrant;
import dev.flightdeck.incident.access.AccessGrantStore;
import dev.flightdeck.incident.access.AccessState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the break-glass store promises, on H2 and on PostgreSQL: what is written is read, one move per version. */
abstract class AccessGrantStoreContract {

    /** The context's job (on the real clock, with the real Identity Center adapter) would move rows under the tests. */
    static final Map<String, String> NO_JOB = Map.of("flightdeck.access.wake", "false");

    @Inject
    AccessGrantStore store;
    @Inject
    IncidentRepository incidents;

    final Instant t0 = Instant.parse("2026-12-07T10:00:00.123456789Z");

    AccessGrant asked() {
        long incident = incidents.create(new IncidentRepository.NewIncident("Queue stuck", Severity.SEV2, "U0CMD",
                "C0INC", t0, Optional.empty())).number();
        return store.create(new AccessGrant.New(incident, "U0DANA", "ReadOnly",
                "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-abcdef1234567890",
                "arn:aws:sso:::instance/ssoins-1234567890abcdef", "111122223333", Duration.ofHours(2),
                "read the <queue> & logs", t0, t0.plus(Duration.ofHours(4))));
    }

    @Test
    void aRequestIsStoredAsAskedAndDueWhenItWouldLapse() {
        AccessGrant g = asked();

        AccessGrant read = store.find(g.id()).orElseThrow();
        assertThat(read).isEqualTo(g);
        assertThat(read.state()).isEqualTo(AccessState.REQUESTED);
        assertThat(read.reason()).isEqualTo("read the <queue> & logs");
        assertThat(read.duration()).isEqualTo(Duration.ofHours(2));
        assertThat(read.requestedAt()).isEqualTo(Instant.parse("2026-12-07T10:00:00.123456Z"));
        assertThat(read.dueAt()).contains(Instant.parse("2026-12-07T14:00:00.123456Z"));
        assertThat(store.ofIncident(g.incident())).containsExactly(read);
    }

    @Test
    void ofTwoMovesFromOneVersionOnlyTheFirstIsWritten() {
        AccessGrant g = asked();

        Optional<AccessGrant> first = store.move(g, g.with(AccessState.GRANTING).decided("U0APP").due(Optional.of(t0)));
        Optional<AccessGrant> second = store.move(g, g.with(AccessState.DENIED).decided("U0OTHER").ended(t0));

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        AccessGrant now = store.find(g.id()).orElseThrow();
        assertThat(now.state()).isEqualTo(AccessState.GRANTING);
        assertThat(now.decidedBy()).contains("U0APP");
        assertThat(now.version()).isEqualTo(g.version() + 1);
    }

    @Test
    void dueRowsComeEarliestFirstAndAFinalRowIsNeverDue() {
        AccessGrant a = asked();
        AccessGrant b = asked();
        AccessGrant c = asked();
        Instant now = t0.plus(Duration.ofDays(400));
        AccessGrant activeB = store.move(b, b.with(AccessState.GRANTING).decided("U0APP")
                .due(Optional.of(now.minusSeconds(30)))).orElseThrow();
        store.move(activeB, activeB.principal("p-1").with(AccessState.ACTIVE).granted(now.minusSeconds(60))
                .due(Optional.of(now.minusSeconds(60)))).orElseThrow();
        store.move(c, c.with(AccessState.DENIED).decided("U0APP").due(Optional.of(now.minusSeconds(90))).ended(now))
                .orElseThrow();

        assertThat(store.due(now, 100)).extracting(AccessGrant::id).containsSubsequence(a.id(), b.id())
                .doesNotContain(c.id());
        assertThat(store.due(now, 100).stream().filter(x -> x.id() == b.id()).findFirst().orElseThrow().principalId())
                .contains("p-1");
        assertThat(store.find(c.id()).orElseThrow().dueAt()).isEmpty();
        assertThat(store.nextDue()).isPresent();
    }
}
