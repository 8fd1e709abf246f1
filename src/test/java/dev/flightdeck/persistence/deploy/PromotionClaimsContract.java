package dev.flightdeck.persistence.deploy;

import dev.flightdeck.deploy.PromotionClaims;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What the promotion claims promise, on H2 and on PostgreSQL: one claimer at a time, taken over only when done or dead. */
abstract class PromotionClaimsContract {

    @Inject
    PromotionClaims claims;

    final Instant t0 = Instant.parse("2026-12-01T10:00:00Z");

    static PromotionClaims.Key key() {
        return new PromotionClaims.Key("svc-" + UUID.randomUUID().toString().substring(0, 8), "prod", "5.12.0");
    }

    @Test
    void theFirstClaimWinsAndAnotherWaitsUntilItOpenedItsRequest() {
        var key = key();
        assertThat(claims.claim(key, "a", "U1", t0, t0.minus(Duration.ofMinutes(5)))).isTrue();
        assertThat(claims.claim(key, "b", "U2", t0.plusSeconds(1), t0.minus(Duration.ofMinutes(5)))).isFalse();
        assertThat(claims.find(key)).hasValueSatisfying(c -> {
            assertThat(c.claimedBy()).isEqualTo("U1");
            assertThat(c.deployId()).isNull();
        });

        claims.opened(key, "a", 42);

        assertThat(claims.find(key)).hasValueSatisfying(c -> assertThat(c.deployId()).isEqualTo(42L));
        assertThat(claims.claim(key, "b", "U2", t0.plusSeconds(2), t0.minus(Duration.ofMinutes(5)))).isTrue();
        assertThat(claims.find(key)).hasValueSatisfying(c -> {
            assertThat(c.claimedBy()).isEqualTo("U2");
            assertThat(c.deployId()).isNull();
        });
        // The old claimer's late word changes nothing now.
        claims.opened(key, "a", 41);
        claims.release(key, "a");
        assertThat(claims.find(key)).hasValueSatisfying(c -> assertThat(c.deployId()).isNull());
    }

    @Test
    void aReleasedClaimFreesTheKeyAndAnAbandonedOneIsTakenOverAfterItsLease() {
        var key = key();
        assertThat(claims.claim(key, "a", "U1", t0, t0)).isTrue();
        claims.release(key, "a");
        assertThat(claims.find(key)).isEmpty();

        assertThat(claims.claim(key, "b", "U2", t0, t0)).isTrue();
        assertThat(claims.claim(key, "c", "U3", t0.plusSeconds(60), t0)).isFalse();
        assertThat(claims.claim(key, "c", "U3", t0.plusSeconds(400), t0.plusSeconds(1))).isTrue();
        assertThat(claims.find(key).orElseThrow().claimedBy()).isEqualTo("U3");
    }

    @Test
    void concurrentClaimersGetOneWinner() throws Exception {
        var key = key();
        int n = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String token = "t" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return claims.claim(key, token, "U" + token, t0, t0.minus(Duration.ofMinutes(5)));
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> a : answers) {
                won += a.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
