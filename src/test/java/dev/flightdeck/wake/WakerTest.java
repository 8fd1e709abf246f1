package dev.flightdeck.wake;

import dev.flightdeck.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class WakerTest {

    private static final Duration CAP = Duration.ofSeconds(60);
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private final Wakeups wakeups = new Wakeups(clock);

    /** A job over a list of due times: a pass handles those due and removes them. */
    private final class Items implements Waker.Job {
        final List<Instant> due = new ArrayList<>();
        final AtomicInteger looks = new AtomicInteger();
        final AtomicInteger passes = new AtomicInteger();
        volatile boolean failing;
        volatile CountDownLatch passed = new CountDownLatch(1);

        @Override
        public synchronized Optional<Instant> nextDue() {
            looks.incrementAndGet();
            return due.stream().min(Instant::compareTo);
        }

        @Override
        public synchronized int runDue() {
            passes.incrementAndGet();
            int before = due.size();
            if (!failing) {
                due.removeIf(t -> !t.isAfter(clock.instant()));
            }
            passed.countDown();
            return before - due.size();
        }
    }

    @AfterEach
    void stop() {
        wakeups.close();
    }

    @Test
    void nothingWaitingSleepsTheCapWithOneQuestionAndNoPass() {
        Items job = new Items();
        Waker waker = new Waker("t", job, clock, CAP, null);

        assertThat(waker.pass()).isEqualTo(CAP);
        assertThat(job.looks).hasValue(1);
        assertThat(job.passes).hasValue(0);
    }

    @Test
    void sleepsUntilTheNextItemWhenItIsDueBeforeTheCap() {
        Items job = new Items();
        job.due.add(clock.instant().plusSeconds(25));
        Waker waker = new Waker("t", job, clock, CAP, null);

        assertThat(waker.pass()).isEqualTo(Duration.ofSeconds(25));
        assertThat(job.passes).hasValue(0);

        clock.advance(Duration.ofSeconds(25));
        job.due.add(clock.instant().plusSeconds(7));
        assertThat(waker.pass()).as("ran the due one, then sleeps until the next").isEqualTo(Duration.ofSeconds(7));
        assertThat(job.passes).hasValue(1);
        assertThat(job.due).hasSize(1);
    }

    @Test
    void anItemThatStaysDueWithoutProgressIsLookedAtAgainOnlyAtTheCap() {
        Items job = new Items();
        job.due.add(clock.instant());
        job.failing = true;
        Waker waker = new Waker("t", job, clock, CAP, null);

        assertThat(waker.pass()).as("no spinning on an item another replica holds or that keeps failing").isEqualTo(CAP);
        assertThat(job.passes).hasValue(1);
    }

    @Test
    void aWriteDueNowWakesTheJobBeforeItsCap() throws InterruptedException {
        Items job = new Items();
        Waker waker = wakeups.start("t", job, Duration.ofHours(1));
        synchronized (job) {
            job.due.add(clock.instant());
        }
        wakeups.dueBy("t", clock.instant());

        assertThat(job.passed.await(10, TimeUnit.SECONDS)).as("woken by the write, not the hour's cap").isTrue();
        assertThat(job.due).isEmpty();
        assertThat(waker.cap()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void movingTheServiceClockDoesNotSetTheWakerOff() throws InterruptedException {
        Items job = new Items();
        synchronized (job) {
            job.due.add(clock.instant().plus(Duration.ofMinutes(30)));
        }
        wakeups.start("t", job, Duration.ofHours(1));
        clock.advance(Duration.ofHours(2));

        assertThat(job.passed.await(1500, TimeUnit.MILLISECONDS)).as("tests drive passes themselves").isFalse();
        assertThat(job.looks).hasValue(0);
    }
}
