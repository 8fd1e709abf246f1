package dev.flightdeck.persistence.alarms;

import dev.flightdeck.alarms.Alert;
import dev.flightdeck.alarms.AlertData;
import dev.flightdeck.alarms.AlertEpisode;
import dev.flightdeck.alarms.AlertEpisodeStore;
import dev.flightdeck.alarms.AlertEpisodeStore.Held;
import dev.flightdeck.alarms.AlertState;
import dev.flightdeck.alarms.EpisodeTransitions;
import dev.flightdeck.deploy.AlertSettings;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What the alarm episode store promises, run on H2 and on PostgreSQL: one open episode per alert, writes win once. */
abstract class AlertEpisodeStoreContract {

    /** The context's nudger (with the app's AlertNews, on the real clock) would move rows under the tests. */
    static final Map<String, String> NO_NUDGER = Map.of("flightdeck.alerts.wake", "false");

    @Inject
    AlertEpisodeStore store;

    final Instant t0 = Instant.parse("2026-12-07T10:00:00.123456789Z");

    static String unique() {
        return "shop-prod-" + UUID.randomUUID().toString().substring(0, 8);
    }

    AlertEpisode fresh(Alert alert, Optional<Instant> nudge) {
        AlertEpisode e = EpisodeTransitions.opened(alert, AlertSettings.DEFAULTS, nudge.isPresent(), t0);
        return nudge.map(n -> new AlertEpisode(0, alert, alert.at(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, Optional.empty(), Optional.of(n), 0, Optional.empty())).orElse(e);
    }

    Held opened(String name) {
        return store.open(fresh(AlertData.alarm(name).at(t0).build(), Optional.empty())).orElseThrow();
    }

    @Test
    void anOpenedEpisodeIsTheAlertsCurrentOneWithEverythingItWasGiven() {
        String name = unique();
        Alert alert = AlertData.alarm(name).at(t0).build();
        Held held = store.open(fresh(alert, Optional.of(t0.plus(Duration.ofMinutes(15))))).orElseThrow();

        Held current = store.current("cloudwatch", alert.key()).orElseThrow();
        assertThat(current.episode().id()).isEqualTo(held.episode().id()).isPositive();
        assertThat(current.endsAt()).isEmpty();
        AlertEpisode e = current.episode();
        assertThat(e.latest()).isEqualTo(new Alert(alert.source(), alert.key(), alert.name(), alert.service(),
                alert.environment(), alert.state(), alert.reason(), alert.metric(), alert.threshold(),
                Instant.parse("2026-12-07T10:00:00.123456Z"), alert.runbook(), alert.link(), alert.graph(),
                alert.eventId()));
        assertThat(e.state()).isEqualTo(AlertState.ALARM);
        assertThat(e.nextNudgeAt()).contains(Instant.parse("2026-12-07T10:15:00.123456Z"));
        assertThat(e.message()).isEmpty();
        assertThat(store.find(held.episode().id())).contains(current);
        assertThat(store.current("grafana", alert.key())).isEmpty();
    }

    @Test
    void aSecondEpisodeOfTheSameAlertDoesNotOpenWhileOneIsOpen() {
        String name = unique();
        Held first = opened(name);

        assertThat(store.open(fresh(AlertData.alarm(name).at(t0.plusSeconds(5)).build(), Optional.empty()))).isEmpty();
        assertThat(store.current("cloudwatch", first.episode().latest().key()).orElseThrow().episode().id())
                .isEqualTo(first.episode().id());
    }

    @Test
    void twoReplicasOpeningTheSameAlarmAtOnceOpenOneEpisode() throws Exception {
        String name = unique();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Optional<Held>>> tries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tries.add(() -> {
                start.await();
                return store.open(fresh(AlertData.alarm(name).at(t0).build(), Optional.empty()));
            });
        }
        List<Future<Optional<Held>>> results = new ArrayList<>();
        tries.forEach(t -> results.add(pool.submit(t)));
        start.countDown();
        int won = 0;
        for (Future<Optional<Held>> f : results) {
            won += f.get().isPresent() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
    }

    @Test
    void anUpdateWinsOnlyAtTheVersionItRead() {
        Held held = opened(unique());
        AlertEpisode acked = EpisodeTransitions.acknowledged(held.episode(), "U1", t0.plusSeconds(30));
        AlertEpisode ackedByOther = EpisodeTransitions.acknowledged(held.episode(), "U2", t0.plusSeconds(31));

        Optional<Held> first = store.update(held, acked, Optional.empty());
        Optional<Held> second = store.update(held, ackedByOther, Optional.empty());

        assertThat(first).isPresent();
        assertThat(first.get().version()).isGreaterThan(held.version());
        assertThat(second).isEmpty();
        assertThat(store.find(held.episode().id()).orElseThrow().episode().acknowledgedBy()).contains("U1");
    }

    @Test
    void backToOkKeepsTheEndOfItsFlapWindowAndTheFirstFiring() {
        Held held = opened(unique());
        Alert ok = AlertData.alarm(held.episode().latest().name()).ok().reason("Threshold Crossed: back")
                .at(t0.plus(Duration.ofMinutes(20))).build();
        var entered = EpisodeTransitions.enter(EpisodeTransitions.Move.RECOVER, held.episode(), held.endsAt(), ok,
                AlertSettings.DEFAULTS, false, t0.plus(Duration.ofMinutes(21)));

        Held written = store.update(held, entered.episode(), entered.endsAt()).orElseThrow();

        assertThat(written.episode().state()).isEqualTo(AlertState.OK);
        assertThat(written.episode().latest().reason()).isEqualTo("Threshold Crossed: back");
        assertThat(written.episode().okSince()).contains(Instant.parse("2026-12-07T10:20:00.123456Z"));
        assertThat(written.episode().firedAt()).isEqualTo(held.episode().firedAt());
        assertThat(written.endsAt()).contains(Instant.parse("2026-12-07T10:31:00.123456Z"));
        assertThat(written.endedBy(Instant.parse("2026-12-07T10:31:00.123456Z"))).isTrue();
        assertThat(written.endedBy(Instant.parse("2026-12-07T10:30:59Z"))).isFalse();
    }

    @Test
    void aClosedEpisodeFreesItsAlertForANewOne() {
        Held held = opened(unique());
        String key = held.episode().latest().key();

        assertThat(store.close(held)).isTrue();
        assertThat(store.close(held)).as("a second close, at the old version").isFalse();
        assertThat(store.current("cloudwatch", key)).isEmpty();
        Held next = store.open(fresh(held.episode().latest(), Optional.empty())).orElseThrow();
        assertThat(next.episode().id()).isNotEqualTo(held.episode().id());
        assertThat(store.find(held.episode().id())).isPresent();
    }

    @Test
    void theFirstMessageIsKeptAndNoUpdateErasesIt() {
        Held held = opened(unique());

        assertThat(store.saveMessage(held.episode().id(), new AlertEpisode.Message("C1", "1.1"))).isTrue();
        assertThat(store.saveMessage(held.episode().id(), new AlertEpisode.Message("C1", "2.2"))).isFalse();
        Held written = store.update(held, EpisodeTransitions.acknowledged(held.episode(), "U1", t0), Optional.empty())
                .orElseThrow();

        assertThat(written.episode().message()).contains(new AlertEpisode.Message("C1", "1.1"));
    }

    @Test
    void dueNudgesAreTheOpenEpisodesWhoseTimeHasCome() {
        Instant due = Instant.parse("2030-01-01T00:15:00Z");
        Held soon = store.open(fresh(AlertData.alarm(unique()).at(t0).build(), Optional.of(due))).orElseThrow();
        Held later = store.open(fresh(AlertData.alarm(unique()).at(t0).build(),
                Optional.of(due.plus(Duration.ofHours(1))))).orElseThrow();
        Held closed = store.open(fresh(AlertData.alarm(unique()).at(t0).build(), Optional.of(due))).orElseThrow();
        store.close(closed);

        List<Long> dueIds = store.dueNudges(due, 1000).stream().map(h -> h.episode().id()).toList();
        assertThat(dueIds).contains(soon.episode().id())
                .doesNotContain(later.episode().id(), closed.episode().id());
        assertThat(store.dueNudges(due.minusSeconds(1), 1000).stream().map(h -> h.episode().id()))
                .doesNotContain(soon.episode().id());
        assertThat(store.nextNudge()).isPresent();
        assertThat(store.nextNudge().get()).isBeforeOrEqualTo(due);
    }

    @Test
    void theIncidentsOfAServiceAreThoseLinkedToItsEpisodesNewestFirst() {
        String service = "svc" + UUID.randomUUID().toString().substring(0, 6);
        Held a = store.open(fresh(AlertData.alarm(unique()).in(service, "prod").at(t0).build(), Optional.empty()))
                .orElseThrow();
        Held b = store.open(fresh(AlertData.alarm(unique()).in(service, "prod").at(t0).build(), Optional.empty()))
                .orElseThrow();
        store.open(fresh(AlertData.alarm(unique()).in(service, "prod").at(t0).build(), Optional.empty()));
        store.update(a, EpisodeTransitions.linked(a.episode(), "INC-3"), Optional.empty()).orElseThrow();
        store.update(b, EpisodeTransitions.linked(b.episode(), "INC-9"), Optional.empty()).orElseThrow();

        assertThat(store.incidentsOf(service)).containsExactly("INC-9", "INC-3");
        assertThat(store.incidentsOf(service + "x")).isEmpty();
    }

    @Test
    void aVeryLongAlertKeyIsStillOneAlert() {
        String key = "k".repeat(3000) + unique();
        Held held = store.open(fresh(AlertData.alarm(unique()).key(key).source("grafana").at(t0).build(),
                Optional.empty())).orElseThrow();

        assertThat(store.current("grafana", key).map(h -> h.episode().id())).contains(held.episode().id());
        assertThat(store.open(fresh(AlertData.alarm(unique()).key(key).source("grafana").at(t0).build(),
                Optional.empty()))).isEmpty();
    }
}
