package dev.flightdeck.slack.incident;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** One incident's after-ack work runs one task at a time, in order; different incidents' work runs side by side. */
class IncidentLanesTest {

    final ExecutorService pool = Executors.newFixedThreadPool(4);
    final IncidentLanes lanes = new IncidentLanes(pool);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void oneIncidentsTasksRunOneAtATimeInTheOrderGivenWhileManyThreadsGiveThem() throws Exception {
        int submitters = 8;
        int each = 250;
        List<List<Integer>> ranPerSubmitter = new ArrayList<>();
        IntStream.range(0, submitters).forEach(s -> ranPerSubmitter.add(Collections.synchronizedList(new ArrayList<>())));
        AtomicInteger running = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(submitters * each);
        ExecutorService requests = Executors.newFixedThreadPool(submitters);
        for (int s = 0; s < submitters; s++) {
            int submitter = s;
            requests.execute(() -> {
                for (int i = 0; i < each; i++) {
                    int n = i;
                    lanes.run(7, () -> {
                        if (running.incrementAndGet() > 1) {
                            overlapped.set(true);
                        }
                        ranPerSubmitter.get(submitter).add(n);
                        running.decrementAndGet();
                        done.countDown();
                    });
                }
            });
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        requests.shutdown();
        assertThat(overlapped).isFalse();
        for (List<Integer> ran : ranPerSubmitter) {
            assertThat(ran).isSorted().hasSize(each);
        }
        awaitIdle();
    }

    @Test
    void differentIncidentsDoNotWaitForEachOther() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch finished = new CountDownLatch(2);
        for (long incident : new long[]{1, 2}) {
            lanes.run(incident, () -> {
                bothStarted.countDown();
                try {
                    // Returns only if the other incident's task runs at the same time.
                    if (bothStarted.await(5, TimeUnit.SECONDS)) {
                        finished.countDown();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
        awaitIdle();
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesBehindIt() throws Exception {
        CountDownLatch after = new CountDownLatch(1);
        lanes.run(3, () -> {
            throw new IllegalStateException("Slack said no");
        });
        lanes.run(3, after::countDown);
        assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
        awaitIdle();
    }

    private void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (lanes.busyLanes() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(lanes.busyLanes()).isZero();
    }
}
