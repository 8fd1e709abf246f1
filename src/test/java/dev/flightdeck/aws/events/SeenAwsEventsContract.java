package dev.flightdeck.aws.events;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * aws_event_seen on a real database (subclasses: H2 in PostgreSQL mode, PostgreSQL): an event id is taken exactly
 * once, even when replicas race for it, until it is forgotten (its handling failed) or purged (days later).
 */
abstract class SeenAwsEventsContract {

    @Inject
    SeenAwsEvents seen;

    /** The store is shared by the class's tests: each test takes ids of its own. */
    final String ns = UUID.randomUUID().toString();
    final Instant t0 = Instant.parse("2026-12-07T05:00:00Z");

    @Test
    void anEventIdIsTakenOnlyTheFirstTime() {
        assertThat(seen.firstTime(ns + "a", t0)).isTrue();
        assertThat(seen.firstTime(ns + "a", t0.plusSeconds(30))).isFalse();
        assertThat(seen.firstTime(ns + "b", t0.plusSeconds(30))).isTrue();
    }

    @Test
    void ofReplicasRacingForOneEventExactlyOneTakesIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> seen.firstTime(ns + "race", t0));
            }
            long firsts = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                firsts += f.get() ? 1 : 0;
            }
            assertThat(firsts).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aForgottenEventIsTakenAgain() {
        assertThat(seen.firstTime(ns + "f", t0)).isTrue();
        seen.forget(ns + "f");
        assertThat(seen.firstTime(ns + "f", t0.plusSeconds(60))).isTrue();
        assertThat(seen.firstTime(ns + "f", t0.plusSeconds(61))).isFalse();
    }

    @Test
    void anEventIsRememberedThroughEventBridgesRetriesAndPurgedAfterDays() {
        assertThat(seen.firstTime(ns + "old", t0)).isTrue();
        // EventBridge retries for up to 24 hours: a day later it is still known.
        assertThat(seen.firstTime(ns + "old", t0.plus(Duration.ofHours(25)))).isFalse();
        // Past KEEP (and the purge interval), the next delivery's purge removed it.
        assertThat(seen.firstTime(ns + "old", t0.plus(SeenAwsEvents.KEEP).plus(Duration.ofHours(1)))).isTrue();
    }
}
