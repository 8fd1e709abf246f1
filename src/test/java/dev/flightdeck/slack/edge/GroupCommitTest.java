package dev.flightdeck.slack.edge;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {

    @Test
    void callersArrivingWhileABatchIsWrittenShareTheNextOneAndEachGetsItsOwnAnswer() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> batches = new ArrayList<>();
        GroupCommit<Integer, String> commit = new GroupCommit<>(items -> {
            batches.add(List.copyOf(items));
            if (batches.size() == 1) {
                firstStarted.countDown();
                await(release);
            }
            return items.stream().map(i -> "answer-" + i).toList();
        }, 128);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<String> first = pool.submit(() -> commit.submit(0));
            assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<String>> others = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                int n = i;
                others.add(pool.submit(() -> commit.submit(n)));
            }
            Thread.sleep(200); // the eight queue behind the first batch (no clock to wait on: real threads)
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("answer-0");
            for (int i = 1; i <= 8; i++) {
                assertThat(others.get(i - 1).get(5, TimeUnit.SECONDS)).isEqualTo("answer-" + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void aBatchThatFailsFailsEveryCallerInItAndTheNextBatchStillRuns() {
        List<Integer> calls = new ArrayList<>();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(items -> {
            calls.add(items.get(0));
            if (items.contains(13)) {
                throw new IllegalStateException("database down");
            }
            return items;
        }, 128);
        assertThatThrownBy(() -> commit.submit(13)).hasMessage("database down");
        assertThat(commit.submit(14)).isEqualTo(14);
        assertThat(calls).containsExactly(13, 14);
    }

    @Test
    void aBatchHoldsAtMostItsLimit() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> sizes = new ArrayList<>();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(items -> {
            sizes.add(items.size());
            if (sizes.size() == 1) {
                firstStarted.countDown();
                await(release);
            }
            return items;
        }, 3);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            pool.submit(() -> commit.submit(0));
            assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<Integer>> others = new ArrayList<>();
            for (int i = 1; i <= 7; i++) {
                int n = i;
                others.add(pool.submit(() -> commit.submit(n)));
            }
            Thread.sleep(200);
            release.countDown();
            for (int i = 1; i <= 7; i++) {
                assertThat(others.get(i - 1).get(5, TimeUnit.SECONDS)).isEqualTo(i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sizes).allMatch(n -> n <= 3);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
