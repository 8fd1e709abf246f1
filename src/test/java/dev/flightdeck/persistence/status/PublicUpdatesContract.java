package dev.flightdeck.persistence.status;

import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.status.PublicUpdate;
import dev.flightdeck.incident.status.PublicUpdates;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** What the store of published updates promises, on H2 and on PostgreSQL: what was stored, newest first, one summary. */
abstract class PublicUpdatesContract {

    @Inject
    PublicUpdates store;

    final Instant t0 = Instant.parse("2026-12-07T10:00:00.123456Z");

    static long incident() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
    }

    @Test
    void updatesComeBackAsStoredNewestFirstAndOnlyForTheIncidentsAsked() {
        long one = incident();
        long other = incident();
        PublicUpdate first = store.add(new PublicUpdate.New(one, PublicUpdate.Kind.UPDATE, IncidentStatus.INVESTIGATING,
                "Some card payments fail <b>&amp; \"retry\"</b> — ünïcode", t0)).orElseThrow();
        PublicUpdate second = store.add(new PublicUpdate.New(one, PublicUpdate.Kind.UPDATE, IncidentStatus.IDENTIFIED,
                "Found it", t0.plusSeconds(60))).orElseThrow();
        store.add(new PublicUpdate.New(other, PublicUpdate.Kind.UPDATE, IncidentStatus.MONITORING, "Elsewhere",
                t0.plusSeconds(30)));

        assertThat(first.id()).isPositive();
        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(store.of(List.of(one))).containsExactly(second, first);
        assertThat(store.of(List.of(one)).get(1).body()).isEqualTo("Some card payments fail <b>&amp; \"retry\"</b> — ünïcode");
        assertThat(store.of(List.of(one, other))).extracting(PublicUpdate::body)
                .containsExactly("Found it", "Elsewhere", first.body());
        assertThat(store.of(List.of())).isEmpty();
        assertThat(store.of(List.of(incident()))).isEmpty();
    }

    @Test
    void anIncidentHasOneSummaryAndASecondStoresNothing() {
        long n = incident();
        Optional<PublicUpdate> summary = store.add(new PublicUpdate.New(n, PublicUpdate.Kind.SUMMARY,
                IncidentStatus.RESOLVED, "Summary\nIt broke; we fixed it.", t0));
        Optional<PublicUpdate> again = store.add(new PublicUpdate.New(n, PublicUpdate.Kind.SUMMARY,
                IncidentStatus.RESOLVED, "Summary\nA second go.", t0.plusSeconds(1)));
        store.add(new PublicUpdate.New(n, PublicUpdate.Kind.UPDATE, IncidentStatus.MONITORING, "Watching", t0));
        store.add(new PublicUpdate.New(n, PublicUpdate.Kind.UPDATE, IncidentStatus.MONITORING, "Still watching", t0));

        assertThat(summary).isPresent();
        assertThat(again).isEmpty();
        assertThat(store.of(List.of(n))).filteredOn(u -> u.kind() == PublicUpdate.Kind.SUMMARY)
                .extracting(PublicUpdate::body).containsExactly("Summary\nIt broke; we fixed it.");
        assertThat(store.of(List.of(n))).hasSize(3);
    }
}
