package dev.flightdeck.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/** Every call FakeSlack received, with waiting on a condition (no polling) for calls still to come. */
final class FakeSlackCallLog {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recorded = lock.newCondition();
    private final List<FakeSlack.Call> calls = new ArrayList<>();

    void add(FakeSlack.Call call) {
        lock.lock();
        try {
            calls.add(call);
            recorded.signalAll();
        } finally {
            lock.unlock();
        }
    }

    List<FakeSlack.Call> matching(Predicate<FakeSlack.Call> filter) {
        lock.lock();
        try {
            return calls.stream().filter(filter).toList();
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            calls.clear();
        } finally {
            lock.unlock();
        }
    }

    FakeSlack.Call await(String method, Predicate<FakeSlack.Call> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Optional<FakeSlack.Call> found = calls.stream()
                        .filter(c -> c.method().equals(method) && matching.test(c)).findFirst();
                if (found.isPresent()) return found.get();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("FakeSlack: no matching " + method + " call within " + timeout + "; calls received: "
                            + calls.stream().map(c -> c.method() + (c.ok() ? "" : "(" + c.error() + ")")).toList());
                }
                recorded.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + method, e);
        } finally {
            lock.unlock();
        }
    }
}
