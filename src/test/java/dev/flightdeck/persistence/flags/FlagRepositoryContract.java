package dev.flightdeck.persistence.flags;

import dev.flightdeck.deploy.flags.FlagRepository;
import dev.flightdeck.deploy.flags.FlagRequest;
import dev.flightdeck.deploy.flags.FlagState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** What the flag request store promises, run on H2 and on PostgreSQL: conditional moves win once, approvals count once. */
abstract class FlagRepositoryContract {

    /** The context's scheduler (with the app's announcer, on the real clock) would move rows under the tests. */
    static final Map<String, String> NO_WAKER = Map.of("flightdeck.flags.wake", "false");

    @Inject
    FlagRepository store;

    final Instant t0 = Instant.parse("2026-12-07T10:00:00.123456789Z");

    FlagRequest fresh(String key, String env) {
        return new FlagRequest(0, key, env, "production", true, "U0REQUEST1", FlagState.REQUESTED, List.of(),
                Optional.empty(), new FlagRequest.Timers(t0, t0.plus(Duration.ofMinutes(15)), 0,
                t0.plus(Duration.ofHours(4)), null), Optional.empty(), Optional.empty());
    }

    static String unique() {
        return "flag-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aStoredRequestReadsBackWithItsTimesAtMicroseconds() {
        FlagRequest r = store.insert(fresh(unique(), "prod"));
        FlagRequest read = store.find(r.id()).orElseThrow();
        assertThat(read.id()).isPositive();
        assertThat(read.state()).isEqualTo(FlagState.REQUESTED);
        assertThat(read.providerEnvironment()).isEqualTo("production");
        assertThat(read.timers().requestedAt()).isEqualTo(Instant.parse("2026-12-07T10:00:00.123456Z"));
        assertThat(read.killSwitchIncident()).isEmpty();
        assertThat(store.open(r.flagKey(), "prod")).map(FlagRequest::id).contains(r.id());
    }

    @Test
    void concurrentMovesFromOneStateLetOneWinAndApprovalsCountOncePerPerson() throws Exception {
        FlagRequest r = store.insert(fresh(unique(), "prod"));
        FlagRequest applying = r.with(FlagState.APPLYING, r.timers(), Optional.empty());
        List<CompletableFuture<Boolean>> moves = List.of(
                CompletableFuture.supplyAsync(() -> store.transition(r, applying)),
                CompletableFuture.supplyAsync(() -> store.transition(r, applying)),
                CompletableFuture.supplyAsync(() -> store.transition(r, r.with(FlagState.REJECTED, r.timers(),
                        Optional.empty()))));
        assertThat(moves.stream().map(CompletableFuture::join).filter(b -> b)).hasSize(1);
        assertThat(store.addApproval(r.id(), "U1")).isTrue();
        assertThat(store.addApproval(r.id(), "U1")).isFalse();
        assertThat(store.addApproval(r.id(), "U2")).isTrue();
        assertThat(store.find(r.id()).orElseThrow().approvedBy()).containsExactly("U1", "U2");
    }

    @Test
    void appliedFlipsAreListedPerEnvironmentSinceAMomentOldestFirst() {
        String env = "env" + UUID.randomUUID().toString().substring(0, 6);
        FlagRequest a = store.insert(fresh(unique(), env));
        FlagRequest b = store.insert(fresh(unique(), env));
        for (FlagRequest r : List.of(a, b)) {
            FlagRequest applying = r.with(FlagState.APPLYING, r.timers(), Optional.empty());
            assertThat(store.transition(r, applying)).isTrue();
            Instant done = r == a ? t0.plusSeconds(60) : t0.plusSeconds(120);
            assertThat(store.transition(applying, applying.with(FlagState.APPLIED, new FlagRequest.Timers(t0, null, 0,
                    r.timers().expiresAt(), done), Optional.empty()))).isTrue();
        }
        assertThat(store.appliedSince(env, t0, 10)).extracting(FlagRequest::id).containsExactly(a.id(), b.id());
        assertThat(store.appliedSince(env, t0.plusSeconds(90), 10)).extracting(FlagRequest::id).containsExactly(b.id());
        assertThat(store.lastApplied(b.flagKey(), env)).map(FlagRequest::id).contains(b.id());
        assertThat(store.open(a.flagKey(), env)).isEmpty();
    }

    @Test
    void aDueNudgeIsClaimedByOneAndTheNextOneSet() {
        FlagRequest r = store.insert(fresh(unique(), "prod"));
        Instant now = t0.plus(Duration.ofMinutes(16));
        FlagRequest due = store.dueNudges(now, 1000).stream().filter(x -> x.id() == r.id()).findFirst().orElseThrow();
        Instant lease = now.plus(Duration.ofMinutes(2));
        assertThat(store.claimNudge(due, lease)).isTrue();
        assertThat(store.claimNudge(due, lease)).isFalse();
        assertThat(store.completeNudge(due, lease, now.plus(Duration.ofMinutes(15)))).isTrue();
        assertThat(store.find(r.id()).orElseThrow().timers().nudges()).isEqualTo(1);
        assertThat(store.dueExpiries(t0.plus(Duration.ofHours(5)), 1000)).extracting(FlagRequest::id).contains(r.id());
        assertThat(store.nextDue()).isPresent();
    }
}
