package dev.flightdeck.persistence.configchange;

import dev.flightdeck.envconfig.change.ConfigEvent;
import dev.flightdeck.envconfig.change.ConfigHistory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The config history on H2 and on PostgreSQL: a change (service, environment, key, new version) is recorded once
 * however many times and by however many replicas it is seen, and a deploy reads a service's changes since a time.
 */
abstract class ConfigHistoryContract {

    @Inject
    ConfigHistory history;

    final Instant t0 = Instant.parse("2026-03-02T10:00:00Z");

    static String unique() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    ConfigEvent outside(String service, String key, String oldVersion, String newVersion, Instant at) {
        return new ConfigEvent(service, "prod", key, at, "arn:aws:iam::123456789012:user/ops", true,
                oldVersion, newVersion, "a1b2c3d4", "9f8e7d6c", Optional.empty());
    }

    @Test
    void aChangeIsRecordedOnceAndThenKnown() {
        String service = unique();
        ConfigEvent event = outside(service, "EMAIL_QUEUE_URL", "3", "4", t0);

        assertThat(history.known(service, "prod", "EMAIL_QUEUE_URL", "4")).isFalse();
        assertThat(history.record(event)).isTrue();
        assertThat(history.record(event)).isFalse();
        // The same version seen by another path (Flightdeck's own write, with another actor and time) is no news.
        assertThat(history.record(new ConfigEvent(service, "prod", "EMAIL_QUEUE_URL", t0.plusSeconds(60), "U1", false,
                "3", "4", "", "", Optional.of(7L)))).isFalse();

        assertThat(history.known(service, "prod", "EMAIL_QUEUE_URL", "4")).isTrue();
        assertThat(history.known(service, "prod", "EMAIL_QUEUE_URL", "3")).isFalse();
        assertThat(history.known(service, "staging", "EMAIL_QUEUE_URL", "4")).isFalse();
        assertThat(history.known(service, "prod", "OTHER_KEY", "4")).isFalse();
        assertThat(history.since(service, "prod", t0.minusSeconds(1), 10)).containsExactly(event);
    }

    @Test
    void sinceReadsOneServiceAndEnvironmentFromATimeOldestFirstAndBounded() {
        String service = unique();
        ConfigEvent before = outside(service, "A", "1", "2", t0.minusSeconds(10));
        ConfigEvent first = outside(service, "A", "2", "3", t0);
        ConfigEvent mine = new ConfigEvent(service, "prod", "B", t0.plusSeconds(20), "U0APPROVER", false,
                "5", "6", "11111111", "22222222", Optional.of(42L));
        ConfigEvent third = outside(service, "C", "", "1", t0.plusSeconds(30));
        for (ConfigEvent e : List.of(third, before, mine, first)) {
            assertThat(history.record(e)).isTrue();
        }
        history.record(new ConfigEvent(service, "staging", "A", t0.plusSeconds(5), "", true, "1", "2", "", "",
                Optional.empty()));
        history.record(outside(unique(), "A", "1", "2", t0.plusSeconds(5)));

        assertThat(history.since(service, "prod", t0, 10)).containsExactly(first, mine, third);
        assertThat(history.since(service, "prod", t0, 2)).containsExactly(first, mine);
        assertThat(history.since(service, "prod", t0.plusSeconds(31), 10)).isEmpty();
        assertThat(history.since(service, "prod", t0, 10).get(1).changeId()).contains(42L);
    }

    @Test
    void aBaselineIsKnownAndLatestButNoDeployListsIt() {
        String service = unique();
        ConfigEvent seen = outside(service, "K", "", "7", t0);
        assertThat(history.latest(service, "prod", "K")).isEmpty();

        assertThat(history.baseline(seen)).isTrue();
        assertThat(history.baseline(seen)).isFalse();
        assertThat(history.record(seen)).isFalse();
        assertThat(history.known(service, "prod", "K", "7")).isTrue();
        assertThat(history.latest(service, "prod", "K")).contains(seen);
        assertThat(history.since(service, "prod", t0.minusSeconds(60), 10)).isEmpty();

        // Latest is the last one learned, whatever time its source gave it.
        ConfigEvent next = outside(service, "K", "7", "8", t0.minusSeconds(30));
        assertThat(history.record(next)).isTrue();
        assertThat(history.latest(service, "prod", "K")).contains(next);
        assertThat(history.latest(service, "staging", "K")).isEmpty();
        assertThat(history.since(service, "prod", t0.minusSeconds(60), 10)).containsExactly(next);
    }

    @Test
    void aLongActorIsKeptToTheColumnRatherThanFailing() {
        String service = unique();
        String actor = "arn:aws:sts::123456789012:assumed-role/" + "r".repeat(1500);
        assertThat(history.record(new ConfigEvent(service, "prod", "K", t0, actor, true, "1", "2", "", "",
                Optional.empty()))).isTrue();
        assertThat(history.since(service, "prod", t0, 1).get(0).actor()).startsWith("arn:aws:sts::123456789012:");
    }

    @Test
    void replicasRecordingTheSameChangeAtOnceRecordItOnce() throws Exception {
        String service = unique();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tries.add(() -> history.record(outside(service, "K", "1", "2", t0)));
            }
            int recorded = 0;
            for (Future<Boolean> f : pool.invokeAll(tries, 30, TimeUnit.SECONDS)) {
                recorded += f.get() ? 1 : 0;
            }
            assertThat(recorded).isEqualTo(1);
            assertThat(history.since(service, "prod", t0, 10)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
