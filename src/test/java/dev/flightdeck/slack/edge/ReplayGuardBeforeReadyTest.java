package dev.flightdeck.slack.edge;

import dev.flightdeck.ready.DatabaseReady;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests seen before the database is ready: refused when copied, then and later, and recorded once it is ready. */
class ReplayGuardBeforeReadyTest {

    final Map<String, Instant> stored = new HashMap<>();
    int databaseCalls;
    final SeenRequests database = (key, expiresAt, now) -> {
        databaseCalls++;
        return stored.putIfAbsent(key, expiresAt) == null;
    };
    final Instant now = Instant.parse("2026-12-07T18:00:00Z");

    @Test
    void copiesAreRefusedBeforeAndAfterTheDatabaseIsReadyAndTheDatabaseLearnsOfThem() {
        DatabaseReady ready = new DatabaseReady();
        ReplayGuard guard = new ReplayGuard(database, ready);

        assertThat(guard.firstTime("v0=aaa", now.getEpochSecond(), now)).isTrue();
        assertThat(guard.firstTime("v0=aaa", now.getEpochSecond(), now)).as("a copy before ready").isFalse();
        assertThat(guard.firstTime("v0=bbb", now.getEpochSecond(), now)).isTrue();
        assertThat(databaseCalls).as("no database before ready").isZero();

        ready.markReady();
        assertThat(stored).as("both keys handed to the database").hasSize(2);
        assertThat(guard.firstTime("v0=aaa", now.getEpochSecond(), now)).as("a copy after ready").isFalse();
        assertThat(guard.firstTime("v0=ccc", now.getEpochSecond(), now)).isTrue();
        assertThat(guard.firstTime("v0=ccc", now.getEpochSecond(), now)).isFalse();
        assertThat(stored).hasSize(3);
    }

    @Test
    void keptKeysAreForgottenWhenTheyExpireAndTheDatabaseAnswersAlone() {
        DatabaseReady ready = new DatabaseReady();
        ReplayGuard guard = new ReplayGuard(database, ready);
        guard.firstTime("v0=aaa", now.getEpochSecond(), now);
        ready.markReady();
        stored.clear(); // the database purged it: the memory must not outlive the signature's window either
        Instant later = now.plus(ReplayGuard.KEEP).plusSeconds(1);
        assertThat(guard.firstTime("v0=aaa", now.getEpochSecond(), later)).isTrue();
    }
}
