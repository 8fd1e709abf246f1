package dev.flightdeck.slack.api.outbox;

import dev.flightdeck.wake.BackgroundJob;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every message Flightdeck owes a Slack channel goes through here: stored first, then sent by the
 * {@link OutboxWorker}, which keeps trying until Slack takes it or {@code flightdeck.outbox.expire-after} passed.
 * Queuing is a database insert; it never waits on Slack. Gauges: {@code flightdeck.outbox.backlog} (entries not yet
 * sent) and {@code flightdeck.outbox.oldest.age} (seconds the oldest of them has waited).
 */
@Singleton // made at start-up by JobStarter, so its gauges exist (a dashboard shows an empty backlog, not no data)
@Requires(beans = OutboxStore.class)
public class Outbox implements BackgroundJob {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final OutboxStore store;
    private final OutboxWorker worker;
    private final OutboxSettings settings;
    private final Clock clock;

    public Outbox(OutboxStore store, OutboxWorker worker, OutboxSettings settings, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.worker = worker;
        this.settings = settings;
        this.clock = clock;
        Gauge.builder("flightdeck.outbox.backlog", this, o -> o.backlog().map(b -> (double) b.pending()).orElse(Double.NaN))
                .description("Slack messages queued and not yet delivered").register(meters);
        Gauge.builder("flightdeck.outbox.oldest.age", this, o -> o.backlog().map(o::oldestAgeSeconds).orElse(Double.NaN))
                .description("Seconds the oldest undelivered Slack message has waited").baseUnit("seconds").register(meters);
    }

    /** Stores the message and starts sending it. Queuing a message key that is already queued changes nothing. */
    public OutboxEntry send(OutboxMessage m) {
        OutboxEntry entry = store(m);
        worker.kick(m.orderingKey());
        return entry;
    }

    private OutboxEntry store(OutboxMessage m) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String key = m.messageKey() != null ? m.messageKey() : "m:" + UUID.randomUUID();
        return store.enqueue(new OutboxEntry.New(key, m.orderingKey(), m.method(), m.channel(), m.threadTs(),
                m.parentKey(), OutboxPayload.of(m), m.onSent(), now, now.plus(settings.expireAfter())));
    }

    /**
     * Queues the message and waits up to {@code wait} for its first try: the entry as it then stands (SENT with its
     * ts, FAILED, or still PENDING when Slack did not take it yet, or an older message of its key is still waiting
     * for Slack; the worker keeps trying). For work after the ack that wants Slack's answer when Slack is quick.
     */
    public OutboxEntry sendAndWait(OutboxMessage m, Duration wait) {
        OutboxEntry entry = store(m);
        if (entry.state().finished()) {
            return entry; // queued before under this key, and done with
        }
        java.util.concurrent.CompletableFuture<OutboxEntry> outcome = worker.watch(entry);
        worker.kick(m.orderingKey());
        try {
            return outcome.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            outcome.cancel(false);
            return store.find(entry.id()).orElse(entry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return entry;
        }
    }

    /** Whether a message with this key was queued (whatever became of it). */
    public boolean queued(String messageKey) {
        return store.findByKey(messageKey).isPresent();
    }

    Optional<OutboxStore.Backlog> backlog() {
        try {
            return Optional.of(store.backlog());
        } catch (RuntimeException e) {
            LOG.debug("outbox backlog unreadable: {}", e.toString());
            return Optional.empty();
        }
    }

    double oldestAgeSeconds(OutboxStore.Backlog b) {
        return b.oldestCreatedAt().map(t -> (double) Math.max(0, Duration.between(t, clock.instant()).toSeconds())).orElse(0.0);
    }
}
