package dev.flightdeck.metrics;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.wake.Waker;
import dev.flightdeck.wake.Wakeups;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps the daily rollup ({@link DeliveryRollupStore}) caught up: wakes when a deploy finishes in this process, and at
 * the latest every {@code flightdeck.metrics.rollup-interval} (60 s) for other replicas' deploys and, after the
 * migration that made the rollup, the whole history it queued (backfilled at start-up, a batch per transaction).
 * Figures do not depend on it: a report reads what is still queued raw. Tests call {@link #runDue()}.
 */
@Singleton
@Requires(beans = DeliveryRollupStore.class)
public class DeliveryRollup implements BackgroundJob {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRollup.class);
    static final int BATCH = 2000;
    /** One pass stops after this long, so a backfill of years does not hold the waker's thread for minutes. */
    static final Duration PASS_BUDGET = Duration.ofSeconds(20);

    private final DeliveryRollupStore store;
    private final Clock clock;

    public DeliveryRollup(DeliveryRollupStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Inject
    void wakeWith(Wakeups wakeups, @Value("${flightdeck.metrics.rollup-interval:60s}") Duration cap) {
        wakeups.start(Wakeups.DELIVERY, Waker.Job.of(() -> store.hasPending() ? Optional.of(clock.instant()) : Optional.empty(), this::runDue), cap);
    }

    /** Folds queued deploys, a batch per transaction, until none is left or the pass's budget is spent. */
    public int runDue() {
        long until = System.nanoTime() + PASS_BUDGET.toNanos();
        int total = 0;
        try {
            int n;
            do {
                n = store.foldPending(BATCH);
                total += n;
            } while (n > 0 && System.nanoTime() < until);
        } catch (RuntimeException e) {
            // Another replica folding the same days at the same moment (a key both inserted), or the database away:
            // nothing was half done (one transaction per batch); the next look tries again.
            LOG.warn("delivery rollup: a batch failed after {} deploys this pass; the next look tries again", total, e);
        }
        return total;
    }
}
