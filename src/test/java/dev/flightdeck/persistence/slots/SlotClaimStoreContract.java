package dev.flightdeck.persistence.slots;

import dev.flightdeck.deploy.slots.SlotClaim;
import dev.flightdeck.deploy.slots.SlotClaimState;
import dev.flightdeck.deploy.slots.SlotClaimStore;
import dev.flightdeck.deploy.slots.SlotEvent;
import dev.flightdeck.deploy.slots.SlotTransitions;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What the slot claim store promises, run on H2 and on PostgreSQL: one holder per slot, one claim per person, writes win once. */
abstract class SlotClaimStoreContract {

    /** The context's expiry job would move rows under the tests. */
    static final Map<String, String> NO_EXPIRY = Map.of("flightdeck.slots.wake", "false");

    @Inject
    SlotClaimStore store;

    final Instant t0 = Instant.parse("2026-12-07T10:00:00.123456789Z");
    final Duration hold = Duration.ofHours(4);

    static String pool() {
        return "p" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aHeldClaimIsTheSlotsHolderWithEverythingItWasGiven() {
        String pool = pool();
        SlotClaim c = store.insert(SlotClaim.held(pool, pool + "1", null, "U1", "feature/emails", hold, t0)).orElseThrow();

        assertThat(c.id()).isPositive();
        assertThat(c.version()).isEqualTo(1);
        assertThat(store.holding(pool + "1")).contains(c);
        assertThat(store.active(pool, "U1")).contains(c);
        assertThat(c.heldSince()).isEqualTo(Instant.parse("2026-12-07T10:00:00.123456Z"));
        assertThat(c.expiresAt()).isEqualTo(Instant.parse("2026-12-07T14:00:00.123456Z"));
        assertThat(c.purpose()).isEqualTo("feature/emails");
        assertThat(c.state()).isEqualTo(SlotClaimState.HELD);
        assertThat(store.held()).contains(c);
    }

    @Test
    void aSlotHasOneHolderAndAPersonOneClaimPerPool() {
        String pool = pool();
        store.insert(SlotClaim.held(pool, pool + "1", null, "U1", null, hold, t0)).orElseThrow();

        assertThat(store.insert(SlotClaim.held(pool, pool + "1", null, "U2", null, hold, t0))).isEmpty();
        assertThat(store.insert(SlotClaim.queued(pool, null, "U1", null, hold, t0))).isEmpty();
        SlotClaim queued = store.insert(SlotClaim.queued(pool, null, "U2", null, hold, t0)).orElseThrow();
        SlotClaim second = store.insert(SlotClaim.queued(pool, pool + "1", "U3", null, hold, t0)).orElseThrow();
        assertThat(store.queued(pool)).extracting(SlotClaim::id).containsExactly(queued.id(), second.id());
        // Granting the held slot to a queued claim breaks the one-holder rule: lost, not thrown.
        assertThat(store.update(queued, SlotTransitions.grant(queued, pool + "1", t0).orElseThrow())).isEmpty();
        assertThat(store.find(queued.id()).orElseThrow().state()).isEqualTo(SlotClaimState.QUEUED);
    }

    @Test
    void ofTwoWritersOfTheSameVersionOneWinsAndAnEndedClaimFreesItsSlotAndPerson() {
        String pool = pool();
        SlotClaim c = store.insert(SlotClaim.held(pool, pool + "1", null, "U1", null, hold, t0)).orElseThrow();
        SlotClaim released = store.update(c, SlotTransitions.end(c, SlotEvent.RELEASE, t0.plusSeconds(60), "U1")
                .orElseThrow()).orElseThrow();
        assertThat(store.update(c, SlotTransitions.end(c, SlotEvent.EXPIRE, t0.plusSeconds(61), "system")
                .orElseThrow())).isEmpty();

        assertThat(released.state()).isEqualTo(SlotClaimState.RELEASED);
        assertThat(released.version()).isEqualTo(2);
        assertThat(released.endedBy()).isEqualTo("U1");
        assertThat(store.holding(pool + "1")).isEmpty();
        assertThat(store.active(pool, "U1")).isEmpty();
        assertThat(store.insert(SlotClaim.held(pool, pool + "1", null, "U1", null, hold, t0))).isPresent();
    }

    @Test
    void concurrentGrantsOfOneSlotGiveItOnce() throws Exception {
        String pool = pool();
        List<SlotClaim> waiting = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waiting.add(store.insert(SlotClaim.queued(pool, null, "U" + i, null, hold, t0)).orElseThrow());
        }
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Optional<SlotClaim>>> grants = waiting.stream().<Callable<Optional<SlotClaim>>>map(w ->
                    () -> store.update(w, SlotTransitions.grant(w, pool + "1", t0).orElseThrow())).toList();
            long won = 0;
            for (Future<Optional<SlotClaim>> f : threads.invokeAll(grants)) {
                won += f.get().isPresent() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(store.queued(pool)).hasSize(5);
    }

    @Test
    void theDueClaimsAreTheWarningsThenTheExpiriesOfHeldClaims() {
        String pool = pool();
        SlotClaim c = store.insert(SlotClaim.held(pool, pool + "1", null, "U1", null, hold, t0)).orElseThrow();
        Instant warnAt = Instant.parse("2026-12-07T13:30:00.123456Z");
        assertThat(store.nextDue()).isPresent().get().matches(at -> !at.isAfter(warnAt));
        assertThat(store.due(warnAt.minusSeconds(1), 100)).noneMatch(x -> x.id() == c.id());
        assertThat(store.due(warnAt, 100)).anyMatch(x -> x.id() == c.id());

        SlotClaim warned = store.update(c, SlotTransitions.warn(c).orElseThrow()).orElseThrow();
        assertThat(warned.warned()).isTrue();
        assertThat(store.due(warnAt, 100)).noneMatch(x -> x.id() == c.id());
        assertThat(store.due(c.expiresAt(), 100)).anyMatch(x -> x.id() == c.id());
        SlotClaim ended = store.update(warned, SlotTransitions.end(warned, SlotEvent.EXPIRE, c.expiresAt(), "system")
                .orElseThrow()).orElseThrow();
        assertThat(ended.dueAt()).isEmpty();
        assertThat(store.due(c.expiresAt().plusSeconds(3600), 100)).noneMatch(x -> x.id() == c.id());
    }
}
