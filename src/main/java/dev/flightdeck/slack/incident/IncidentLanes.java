package dev.flightdeck.slack.incident;

import dev.flightdeck.telemetry.Spans;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Incident work after the ack, on the one after-ack pool the Slack features share (a fixed pool: a burst queues
 * instead of adding a thread per task). One incident's work runs in a lane: one task at a time, in the order it was
 * given, so the card and topic written last show the latest state whatever the pool's threads do. A lane holds no
 * thread while it waits: each task is handed to the pool when the one before it finished, and an idle lane is dropped.
 */
@Singleton
public class IncidentLanes {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentLanes.class);

    /** The pool's name in application.yml: the same after-ack pool the deploy feature's work runs on. */
    public static final String AFTER_ACK_POOL = "after-ack";

    private final Executor pool;
    /** Incident number → tasks waiting behind the one running; present exactly while a task of it runs or waits. */
    private final Map<Long, ArrayDeque<Runnable>> waiting = new HashMap<>();

    @jakarta.inject.Inject
    public IncidentLanes(@Named(AFTER_ACK_POOL) ExecutorService pool) {
        this((Executor) pool);
    }

    IncidentLanes(Executor pool) {
        this.pool = pool;
    }

    /** Runs {@code work} after the ack, after every task given before it for this incident. */
    public void run(long number, Runnable work) {
        Runnable task = carried(work);
        synchronized (waiting) {
            ArrayDeque<Runnable> lane = waiting.get(number);
            if (lane != null) {
                lane.add(task);
                return;
            }
            waiting.put(number, new ArrayDeque<>());
        }
        start(number, task);
    }

    /** Runs {@code work} after the ack, in no lane: work that needs no order with the incident's other work. */
    public void run(Runnable work) {
        pool.execute(carried(work));
    }

    private void start(long number, Runnable task) {
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } finally {
                    next(number);
                }
            });
        } catch (RejectedExecutionException e) {
            // Shutting down: what was not started is dropped, as the pool drops it; the record has every change.
            synchronized (waiting) {
                waiting.remove(number);
            }
            LOG.warn("Slack work for INC-{} was not started: {}", number, e.toString());
        }
    }

    private void next(long number) {
        Runnable next;
        synchronized (waiting) {
            next = waiting.get(number).poll();
            if (next == null) {
                waiting.remove(number);
                return;
            }
        }
        start(number, next);
    }

    /** With the request's logging context and span, so the work's log lines and traces join the request's. */
    private static Runnable carried(Runnable work) {
        Spans.Carried context = Spans.Carried.capture();
        return () -> context.run(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("Incident work after the ack failed; the record has the change: {}", e.toString());
            }
        });
    }

    /** Incidents with work running or waiting: none once all is done. */
    int busyLanes() {
        synchronized (waiting) {
            return waiting.size();
        }
    }
}
