package dev.flightdeck.slack.edge;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
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
 * The replay guard's memory on a real database (subclasses: H2 in PostgreSQL mode, PostgreSQL): a key is new exactly
 * once, even when replicas race for it, until it expires and is purged. On PostgreSQL the store is the table itself;
 * on embedded H2 the keys are kept in memory and written behind, and the table alone meets the contract too.
 */
abstract class JdbcSeenRequestsContract {

    @Inject
    SeenRequests chosen;
    @Inject
    JdbcSeenRequests table;
    SeenRequests seen;

    /** The store the guard is given for this database. */
    abstract Class<? extends SeenRequests> expectedStore();

    /** The store under test (the chosen one unless a subclass says otherwise). */
    SeenRequests store() {
        return chosen;
    }

    @BeforeEach
    void pickStore() {
        seen = store();
    }

    /** The test instance and the store are shared by the class's tests: each test takes its own keys. */
    final String ns = UUID.randomUUID().toString().substring(0, 8);
    final Instant t0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void theStoreIsChosenByTheDatabase() {
        assertThat(chosen).isInstanceOf(expectedStore());
    }

    @Test
    void aKeyIsNewOnlyTheFirstTime() {
        Instant expires = t0.plus(Duration.ofMinutes(5));
        assertThat(seen.firstTime(ns + "a", expires, t0)).isTrue();
        assertThat(seen.firstTime(ns + "a", expires, t0.plusSeconds(1))).isFalse();
        assertThat(seen.firstTime(ns + "b", expires, t0.plusSeconds(1))).isTrue();
    }

    @Test
    void ofCallersRacingWithTheSameKeyExactlyOneIsFirst() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> seen.firstTime(ns + "race", t0.plus(Duration.ofMinutes(5)), t0));
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
    void manyCallersAtOnceEachKeyIsNewExactlyOnceAndEachCallerHearsItsOwnAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String key = ns + "many-" + (i % 200);
                calls.add(() -> seen.firstTime(key, t0.plus(Duration.ofMinutes(5)), t0) ? key : null);
            }
            List<String> firsts = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                if (f.get() != null) {
                    firsts.add(f.get());
                }
            }
            assertThat(firsts).hasSize(200).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExpiredKeyIsForgottenByTheNextPurge() {
        assertThat(seen.firstTime(ns + "old", t0.plus(Duration.ofMinutes(5)), t0)).isTrue();
        // A day later is past both the key's expiry and the purge interval, whatever the other tests did meanwhile.
        Instant later = t0.plus(Duration.ofDays(1));
        assertThat(seen.firstTime(ns + "old", later.plus(Duration.ofMinutes(5)), later)).isTrue();
    }
}
