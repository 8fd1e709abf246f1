package dev.flightdeck.wake;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The jobs that wake for their next due item ({@link Waker}), by topic. A job starts its waker once
 * ({@link #start}); code that writes something a job handles, due at a known time, tells it by topic
 * ({@link #dueBy}) without depending on the job. Each job has a thread of its own, so a slow pass (Slack, a probe)
 * delays no other job. To add a job: implement {@link Waker.Job} (an indexed "earliest due" query and the existing
 * pass), call {@code start(topic, job, cap)} once the bean is built, and call {@code dueBy(topic, at)} where its
 * items are written.
 */
@Singleton
public class Wakeups {

    /** Topics the house uses. */
    public static final String OUTBOX = "outbox";
    public static final String DEPLOY = "deploy";
    public static final String POST_RELEASE = "post-release";
    public static final String INCIDENT = "incident";
    public static final String RECHECK = "deploy-recheck";
    public static final String BUILD_POLL = "build-poll";
    public static final String DELIVERY = "delivery-rollup";

    private final Clock clock;
    private final Map<String, Waker> wakers = new ConcurrentHashMap<>();
    private final Map<String, ScheduledExecutorService> threads = new ConcurrentHashMap<>();

    public Wakeups(Clock clock) {
        this.clock = clock;
    }

    /** Starts {@code job} under {@code topic}; its first look is one {@code cap} from now, its longest sleep {@code cap}. */
    public Waker start(String topic, Waker.Job job, Duration cap) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "wake-" + topic);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        Waker waker = new Waker(topic, job, clock, cap, timer);
        Waker before = wakers.put(topic, waker);
        ScheduledExecutorService old = threads.put(topic, timer);
        if (before != null) {
            before.close();
            old.shutdownNow();
        }
        waker.start(cap);
        return waker;
    }

    /** The waker running under {@code topic}, if any. */
    public java.util.Optional<Waker> waker(String topic) {
        return java.util.Optional.ofNullable(wakers.get(topic));
    }

    /** Something of {@code topic} is due at {@code at}; nothing happens if no such job runs here. */
    public void dueBy(String topic, Instant at) {
        Waker waker = wakers.get(topic);
        if (waker != null && at != null) {
            waker.dueBy(at);
        }
    }

    @PreDestroy
    void close() {
        wakers.values().forEach(Waker::close);
        threads.values().forEach(ScheduledExecutorService::shutdownNow);
        wakers.clear();
        threads.clear();
    }
}
