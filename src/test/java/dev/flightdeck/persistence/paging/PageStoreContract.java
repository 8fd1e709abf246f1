package dev.flightdeck.persistence.paging;

import dev.flightdeck.incident.paging.Page;
import dev.flightdeck.incident.paging.PageState;
import dev.flightdeck.incident.paging.PageStore;
import dev.flightdeck.incident.paging.PageTransitions;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** What the page store promises, on H2 and on PostgreSQL: one page per incident and target, each claim wins once. */
abstract class PageStoreContract {

    /** The context's sender (on the real clock, with the app's pagers) would move rows under the tests. */
    static final Map<String, String> NO_SENDER = Map.of("flightdeck.paging.wake", "false");
    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Inject
    PageStore store;

    final Instant t0 = Instant.parse("2026-12-07T10:00:00.123456Z");

    long incident() {
        return NUMBERS.incrementAndGet();
    }

    @Test
    void aPageIsStoredOncePerIncidentAndTargetWithItsTriggerOwedNow() {
        long n = incident();
        Page p = store.insert(new Page.New(n, "platform", Optional.of("DB down"), "U1", t0)).orElseThrow();

        assertThat(p.dedupKey()).isEqualTo("INC-" + n + ":platform");
        assertThat(p.state()).isEqualTo(PageState.TRIGGER_PENDING);
        assertThat(p.message()).contains("DB down");
        assertThat(p.nextAttemptAt()).contains(t0);
        assertThat(store.insert(new Page.New(n, "platform", Optional.empty(), "flightdeck", t0))).isEmpty();
        assertThat(store.find(n, "platform")).contains(p);
        assertThat(store.ofIncident(n)).containsExactly(p);
        assertThat(store.due(t0, 1000)).contains(p);
        assertThat(store.due(t0.minusSeconds(1), 1000)).doesNotContain(p);
        assertThat(store.nextDue()).isPresent();
    }

    @Test
    void aMoveWinsOnceAndAFinishedPageIsNoLongerDue() {
        long n = incident();
        Page p = store.insert(new Page.New(n, "dba", Optional.empty(), "U1", t0)).orElseThrow();
        Page retry = PageTransitions.enter(p, PageTransitions.Event.TRY_AGAIN, t0, Optional.of("HTTP 500")).orElseThrow();

        Page moved = store.move(p, retry).orElseThrow();
        assertThat(moved.attempts()).isEqualTo(1);
        assertThat(moved.nextAttemptAt()).contains(t0.plus(Duration.ofSeconds(30)));
        assertThat(moved.lastError()).contains("HTTP 500");
        assertThat(store.move(p, retry)).as("a stale version writes nothing").isEmpty();

        Page taken = store.move(moved, PageTransitions.enter(moved, PageTransitions.Event.ACCEPTED, t0,
                Optional.empty()).orElseThrow()).orElseThrow();
        assertThat(taken.state()).isEqualTo(PageState.TRIGGERED);
        assertThat(store.due(t0.plus(Duration.ofDays(1)), 1000)).doesNotContain(taken);
        assertThat(store.unfinished(100_000)).contains(taken);
    }

    @Test
    void ofManyClaimsOfOneDuePageOneWins() throws Exception {
        long n = incident();
        Page p = store.insert(new Page.New(n, "platform", Optional.empty(), "U1", t0)).orElseThrow();
        Page leased = new Page(p.id(), p.incidentNumber(), p.target(), p.dedupKey(), p.state(), p.message(),
                p.requestedBy(), p.attempts(), Optional.of(t0.plus(PageTransitions.LEASE)), p.lastError(),
                p.createdAt(), p.version());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Boolean> claim = () -> {
                start.await();
                return store.move(p, leased).isPresent();
            };
            claims.add(pool.submit(claim));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> f : claims) {
            won += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
    }

    @Test
    void twoInsertsOfOnePageAtOnceStoreOne() throws Exception {
        long n = incident();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> inserts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inserts.add(pool.submit(() -> {
                start.await();
                return store.insert(new Page.New(n, "platform", Optional.empty(), "flightdeck", t0)).isPresent();
            }));
        }
        start.countDown();
        int stored = 0;
        for (Future<Boolean> f : inserts) {
            stored += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(stored).isEqualTo(1);
        assertThat(store.ofIncident(n)).hasSize(1);
    }
}
