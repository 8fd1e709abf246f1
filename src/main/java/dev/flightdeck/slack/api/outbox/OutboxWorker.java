package dev.flightdeck.slack.api.outbox;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.slack.api.SlackGateway;
import dev.flightdeck.telemetry.Spans;
import io.micrometer.core.instrument.MeterRegistry;
import dev.flightdeck.wake.Waker;
import dev.flightdeck.wake.Wakeups;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends what the outbox holds. A queued message is sent at once ({@link #kick}); whatever Slack did not take is sent
 * again ({@link #runDue}) when its next try is due, from the database, so it survives a restart: the worker wakes for
 * the next due try ({@link Waker}; at the latest every {@code flightdeck.outbox.interval}, 60 s by default, which is
 * how late it takes over another replica's messages). Each
 * send claims its entry with a lease in one conditional update that also requires no older pending entry of the same
 * ordering key: across replicas one entry is sent by one of them, and one key's messages arrive in order. Given-up
 * entries (refused by Slack, or expired) are logged, counted and shown in /health ({@link OutboxHealthIndicator}).
 */
@Singleton
@Requires(beans = OutboxStore.class)
public class OutboxWorker implements BackgroundJob {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int BATCH = 200;
    /**
     * Ordering keys drained at once (each drain waits on Slack for its entry before the next of the same key): with
     * Slack answering in 150 ms, 4 of them held 20 deploy requests a second's go/no-go messages back by seconds
     * (docs/PERFORMANCE.md round 7). Threads end after 30 s idle.
     */
    private static final int THREADS = 16;

    private final OutboxStore store;
    private final SlackGateway gateway;
    private final OutboxSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final List<OutboxListener> listeners;
    private final ExecutorService executor;
    /** Keys this replica is draining now, and keys kicked again meanwhile (the drain loops once more for them). */
    private final Set<String> draining = ConcurrentHashMap.newKeySet();
    private final Set<String> again = ConcurrentHashMap.newKeySet();
    private final Map<Long, Waiter> waiters = new ConcurrentHashMap<>();

    private record Waiter(String orderingKey, CompletableFuture<OutboxEntry> outcome) {
    }

    public OutboxWorker(OutboxStore store, SlackGateway gateway, OutboxSettings settings, Clock clock,
                        MeterRegistry meters, List<OutboxListener> listeners) {
        this.store = store;
        this.gateway = gateway;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.listeners = listeners;
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "slack-outbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /** Sends the due entries of {@code orderingKey} soon, on the worker's threads. */
    public void kick(String orderingKey) {
        if (!draining.add(orderingKey)) {
            again.add(orderingKey);
            return;
        }
        // The sends stay in the trace (and logging context) of the request that queued them.
        Spans.Carried caller = Spans.Carried.capture();
        try {
            executor.execute(() -> caller.run(() -> drainLoop(orderingKey)));
        } catch (RejectedExecutionException e) {
            draining.remove(orderingKey); // shutting down: the timer of the next process sends it
        }
    }

    private Wakeups wakeups;

    @Inject
    void wakeWith(Wakeups wakeups, @Value("${flightdeck.outbox.interval:60s}") Duration cap) {
        this.wakeups = wakeups;
        wakeups.start(Wakeups.OUTBOX, Waker.Job.of(store::nextDue, this::runDue), cap);
    }

    /** Sends everything due now, in the caller's thread (tests move the clock and call this). Returns how many were handled. */
    public int runDue() {
        int handled = 0;
        for (OutboxEntry head : store.dueHeads(clock.instant(), BATCH)) {
            if (draining.contains(head.orderingKey())) {
                again.add(head.orderingKey());
                continue;
            }
            handled += drain(head.orderingKey());
            release(head.orderingKey());
        }
        return handled;
    }

    /**
     * Completes when the entry's first try is over (sent, refused, or waiting for its next try), or when it cannot be
     * tried now (an older message of its key waits for Slack): for a caller that wants Slack's answer when Slack
     * answers quickly. Call before {@link #kick}.
     */
    CompletableFuture<OutboxEntry> watch(OutboxEntry entry) {
        CompletableFuture<OutboxEntry> f = new CompletableFuture<>();
        waiters.put(entry.id(), new Waiter(entry.orderingKey(), f));
        f.whenComplete((e, x) -> waiters.remove(entry.id()));
        return f;
    }

    private void drainLoop(String key) {
        try {
            do {
                again.remove(key);
                drain(key);
            } while (again.remove(key));
        } catch (RuntimeException e) {
            LOG.warn("outbox: sending {} failed; the timer tries again", key, e);
        } finally {
            draining.remove(key);
            if (again.remove(key)) {
                kick(key);
            } else {
                release(key);
            }
        }
    }

    private int drain(String key) {
        int handled = 0;
        for (Optional<OutboxEntry> head = store.dueHead(key, clock.instant()); head.isPresent();
             head = store.dueHead(key, clock.instant())) {
            if (!deliver(head.get())) {
                break; // another replica has it, or it must wait
            }
            handled++;
        }
        return handled;
    }

    /** True when the entry is done with for now (sent or given up): the next one of its key may go. */
    private boolean deliver(OutboxEntry e) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        if (!store.claim(e, now, now.plus(settings.lease()), token)) {
            return false;
        }
        if (!now.isBefore(e.expiresAt())) {
            giveUp(e, token, OutboxEntry.State.EXPIRED, "not delivered within " + settings.expireAfter()
                    + (e.lastError() == null ? "" : "; last error: " + e.lastError()));
            return true;
        }
        String channel = e.channel();
        String threadTs = e.threadTs();
        if (e.parentKey() != null) {
            Optional<OutboxEntry> parent = store.findByKey(e.parentKey());
            if (parent.isPresent() && parent.get().state() == OutboxEntry.State.PENDING) {
                // Its parent is queued under another key: wait for it without counting a try.
                store.retryLater(e.id(), token, now.plus(settings.firstRetry()), false, "waiting for " + e.parentKey());
                return false;
            }
            if (parent.isPresent() && parent.get().state() == OutboxEntry.State.SENT) {
                channel = parent.get().sentChannel();
                threadTs = parent.get().sentTs();
            } else if (e.method() == OutboxEntry.Method.UPDATE || channel == null) {
                giveUp(e, token, OutboxEntry.State.FAILED, "its parent " + e.parentKey() + " was never posted");
                return true;
            }
            // A reply whose parent was never posted goes to the channel itself rather than nowhere.
        }
        Optional<String> there = alreadyInThread(e, channel, threadTs, now);
        OutboxSend.Result result = there.isPresent() ? new OutboxSend.Result.Sent(channel, there.get())
                : OutboxSend.send(gateway, e, channel, threadTs, settings.sendTimeout());
        if (result instanceof OutboxSend.Result.Sent sent) {
            if (store.markSent(e.id(), token, clock.instant(), sent.channel(), sent.ts())) {
                meters.counter("flightdeck.outbox.sent", "method", e.method().slackName).increment();
                if (e.onSent() != null) {
                    listeners.forEach(l -> l.sent(e.onSent(), sent.channel(), sent.ts()));
                }
            } else {
                LOG.warn("outbox: {} was sent but its lease had ended; another replica may send it again", e.messageKey());
            }
            settle(e);
            return true;
        }
        if (result instanceof OutboxSend.Result.Refused refused) {
            giveUp(e, token, OutboxEntry.State.FAILED, "Slack said " + refused.error());
            return true;
        }
        String why = ((OutboxSend.Result.Later) result).why();
        Instant next = clock.instant().plus(settings.retryAfter(e.attempts() + 1));
        if (next.isAfter(e.expiresAt())) {
            next = e.expiresAt(); // one last look at expiry time, which then gives it up
        }
        store.retryLater(e.id(), token, next, true, why);
        if (wakeups != null) {
            wakeups.dueBy(Wakeups.OUTBOX, next);
        }
        LOG.info("outbox: {} ({}) not delivered ({}); next try at {}", e.messageKey(), e.method().slackName, why, next);
        meters.counter("flightdeck.outbox.retries", "method", e.method().slackName).increment();
        settle(e);
        return false;
    }

    private void giveUp(OutboxEntry e, String token, OutboxEntry.State state, String why) {
        if (store.giveUp(e.id(), token, state, clock.instant(), why)) {
            LOG.warn("outbox: gave up on {} ({} to {}) after {} tries: {} {}", e.messageKey(), e.method().slackName,
                    e.channel(), e.attempts() + 1, state.name().toLowerCase(java.util.Locale.ROOT), why);
            meters.counter("flightdeck.outbox.given_up", "reason", state.name().toLowerCase(java.util.Locale.ROOT),
                    "method", e.method().slackName).increment();
        }
        settle(e);
    }

    private void settle(OutboxEntry e) {
        Waiter waiter = waiters.get(e.id());
        if (waiter != null) {
            store.find(e.id()).ifPresent(waiter.outcome()::complete);
        }
    }

    /** After a drain sent all it could: whoever still waits on this key waits behind a message Slack has not taken. */
    /**
     * A marked reply whose last send never finished (its replica was killed between Slack's answer and marking it
     * sent, or the send outlasted the lease) may already be in the thread: then it is not posted twice.
     */
    private Optional<String> alreadyInThread(OutboxEntry e, String channel, String threadTs, Instant now) {
        if (e.method() != OutboxEntry.Method.POST || threadTs == null || channel == null || !e.claimLapsed(now)) {
            return Optional.empty();
        }
        String marker = OutboxPayload.marker(e.payload());
        Optional<String> ts = marker == null ? Optional.empty()
                : dev.flightdeck.slack.api.ThreadMarkers.findInThread(gateway, channel, threadTs, marker);
        ts.ifPresent(t -> LOG.info("outbox: {} was already in its thread (an earlier send got there); not posted again",
                e.messageKey()));
        return ts;
    }

    private void release(String key) {
        waiters.forEach((id, w) -> {
            if (w.orderingKey().equals(key)) {
                store.find(id).ifPresent(w.outcome()::complete);
            }
        });
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
