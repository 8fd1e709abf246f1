package dev.flightdeck.slack.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit: callers each hand in one item and wait for its answer; whoever holds the lock writes every item
 * queued so far in one batch (one transaction), so callers arriving together share a round trip and a commit instead
 * of queueing for one each. A caller alone pays what a single write costs. No thread of its own: a caller whose item
 * another caller's batch already answered returns as soon as it gets the lock.
 *
 * @param <T> what a caller hands in
 * @param <R> its answer
 */
final class GroupCommit<T, R> {

    private static final class Pending<T, R> {
        final T item;
        R answer;
        RuntimeException failure;
        boolean done;

        Pending(T item) {
            this.item = item;
        }
    }

    private final ConcurrentLinkedQueue<Pending<T, R>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Function<List<T>, List<R>> writeBatch;
    private final int maxBatch;

    /**
     * @param writeBatch writes a batch and answers each item, in order; a throw fails every item of the batch
     * @param maxBatch   the most items one batch holds
     */
    GroupCommit(Function<List<T>, List<R>> writeBatch, int maxBatch) {
        this.writeBatch = writeBatch;
        this.maxBatch = maxBatch;
    }

    /** The answer for {@code item}, written in a batch with whatever other callers handed in meanwhile. */
    R submit(T item) {
        Pending<T, R> mine = new Pending<>(item);
        queue.add(mine);
        lock.lock();
        try {
            while (!mine.done) {
                writeOne();
            }
        } finally {
            lock.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.answer;
    }

    /** Under the lock: takes up to maxBatch queued items (this caller's among them while it is queued) and answers them. */
    private void writeOne() {
        List<Pending<T, R>> batch = new ArrayList<>();
        for (Pending<T, R> p; batch.size() < maxBatch && (p = queue.poll()) != null; ) {
            batch.add(p);
        }
        List<T> items = new ArrayList<>(batch.size());
        batch.forEach(p -> items.add(p.item));
        try {
            List<R> answers = writeBatch.apply(items);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer = answers.get(i);
            }
        } catch (RuntimeException e) {
            batch.forEach(p -> p.failure = e);
        }
        // Fields written under the lock are seen by each caller after it takes the lock in turn.
        batch.forEach(p -> p.done = true);
    }
}
