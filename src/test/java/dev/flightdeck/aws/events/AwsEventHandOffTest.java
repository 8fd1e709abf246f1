package dev.flightdeck.aws.events;

import dev.flightdeck.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-off's three ends: done in time, failed in time (the id forgotten, so EventBridge's retry is taken), and
 * still running when answered, then failing (forgotten too, and logged). Latches, not sleeps, order the work.
 */
class AwsEventHandOffTest {

    /** aws_event_seen in memory: which ids are taken. */
    static final class MemoryRows implements AwsEventSeenRows {
        final Set<String> ids = ConcurrentHashMap.newKeySet();
        final CountDownLatch forgotten = new CountDownLatch(1);

        @Override
        public int insertIfAbsent(String id, Instant seenAt) {
            return ids.add(id) ? 1 : 0;
        }

        @Override
        public int deleteSeenBefore(Instant before) {
            return 0;
        }

        @Override
        public int forget(String id) {
            int n = ids.remove(id) ? 1 : 0;
            forgotten.countDown();
            return n;
        }
    }

    final ExecutorService pool = Executors.newSingleThreadExecutor();
    final MemoryRows rows = new MemoryRows();
    final SeenAwsEvents seen = new SeenAwsEvents(rows);
    final AwsEvent event = new AwsEvent("e-1", "Parameter Store Change", "aws.ssm", "123456789012",
            Optional.empty(), "us-east-2", java.util.List.of(), new com.google.gson.JsonObject());

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void workDoneInTimeKeepsTheEventTaken() {
        AwsEventHandOff handOff = new AwsEventHandOff(pool, seen, Duration.ofSeconds(5));
        assertThat(seen.firstTime("e-1", Instant.EPOCH)).isTrue();
        CountDownLatch ran = new CountDownLatch(1);

        assertThat(handOff.run(event, AwsEventRoute.Plan.accepted("/p", ran::countDown)))
                .isEqualTo(AwsEventHandOff.Outcome.DONE);
        assertThat(ran.getCount()).isZero();
        assertThat(rows.ids).containsExactly("e-1");
    }

    @Test
    void workFailingInTimeForgetsTheEventSoTheRetryIsTaken() {
        AwsEventHandOff handOff = new AwsEventHandOff(pool, seen, Duration.ofSeconds(5));
        assertThat(seen.firstTime("e-1", Instant.EPOCH)).isTrue();

        AwsEventHandOff.Outcome outcome = handOff.run(event, AwsEventRoute.Plan.accepted("/p", () -> {
            throw new IllegalStateException("made-up failure");
        }));

        assertThat(outcome).isEqualTo(AwsEventHandOff.Outcome.FAILED);
        assertThat(seen.firstTime("e-1", Instant.EPOCH)).isTrue();
    }

    @Test
    void workStillRunningIsAnsweredAndAFailureAfterwardsIsLoggedAndForgotten() throws Exception {
        AwsEventHandOff handOff = new AwsEventHandOff(pool, seen, Duration.ZERO);
        assertThat(seen.firstTime("e-1", Instant.EPOCH)).isTrue();
        CountDownLatch answered = new CountDownLatch(1);
        try (LogCapture log = new LogCapture(AwsEventHandOff.class)) {
            AwsEventHandOff.Outcome outcome = handOff.run(event, AwsEventRoute.Plan.accepted("/slow", () -> {
                try {
                    answered.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("made-up late failure");
            }));
            assertThat(outcome).isEqualTo(AwsEventHandOff.Outcome.RUNNING);
            assertThat(rows.ids).contains("e-1");

            answered.countDown();
            assertThat(rows.forgotten.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(rows.ids).isEmpty();
            // The id is forgotten first (so EventBridge's retry is taken), then the failure is logged: wait for it.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (log.linesWithThrowables().stream().noneMatch(l -> l.contains("made-up late failure"))
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(log.linesWithThrowables()).anySatisfy(l -> assertThat(l)
                    .contains("Handling the AWS event Parameter Store Change e-1 for /slow failed (after it was answered)")
                    .contains("IllegalStateException: made-up late failure"));
        }
    }

    @Test
    void aPoolThatRefusesTheWorkFailsTheHandOff() {
        pool.shutdown();
        AwsEventHandOff handOff = new AwsEventHandOff(pool, seen, Duration.ofSeconds(5));
        assertThat(seen.firstTime("e-1", Instant.EPOCH)).isTrue();

        assertThat(handOff.run(event, AwsEventRoute.Plan.accepted("/p", () -> { })))
                .isEqualTo(AwsEventHandOff.Outcome.FAILED);
        assertThat(rows.ids).isEmpty();
    }
}
