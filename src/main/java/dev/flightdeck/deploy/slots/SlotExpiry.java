package dev.flightdeck.deploy.slots;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.audit.Auditor;
import dev.flightdeck.team.TeamConfig;
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
 * Warns each holder {@link SlotClaim#WARN_BEFORE} before their hold ends (with Extend and Release), and frees the slot
 * when it ends, giving it to the next in the queue. Driven from the database, so it survives restarts; each warning
 * and expiry is claimed by a compare-and-set on the claim's row, so of two replicas one sends it. Wakes for the next
 * due claim ({@code flightdeck.slots.wake: false} leaves it off: tests move the clock and call {@link #runDue()}).
 */
@Singleton
@Requires(beans = {SlotClaimStore.class, SlotNews.class})
public class SlotExpiry implements BackgroundJob {

    public static final String TOPIC = "slot-expiry";
    private static final Logger LOG = LoggerFactory.getLogger(SlotExpiry.class);
    private static final int BATCH = 100;

    private final SlotClaimStore store;
    private final SlotQueue queue;
    private final SlotNews news;
    private final Pools pools;
    private final Auditor auditor;
    private final Clock clock;

    public SlotExpiry(SlotClaimStore store, SlotQueue queue, SlotNews news, TeamConfig team, Auditor auditor,
                      Clock clock) {
        this.store = store;
        this.queue = queue;
        this.news = news;
        this.pools = new Pools(team);
        this.auditor = auditor;
        this.clock = clock;
    }

    @Inject
    void wakeWith(Wakeups wakeups, @Value("${flightdeck.slots.scheduler-interval:60s}") Duration cap,
                  @Value("${flightdeck.slots.wake:true}") boolean wake) {
        if (!wake || pools.all().isEmpty()) {
            return;
        }
        wakeups.start(TOPIC, Waker.Job.of(store::nextDue, this::runDue), cap);
    }

    /** Sends the warnings and ends the holds due now, then serves every queue; how many claims this replica moved. */
    public int runDue() {
        Instant now = clock.instant();
        int moved = 0;
        for (SlotClaim c : store.due(now, BATCH)) {
            try {
                moved += step(c, now) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("slot claim #{}: expiry pass failed ({}); the next run tries again", c.id(),
                        e.getClass().getSimpleName());
            }
        }
        return moved + queue.serveAll();
    }

    private boolean step(SlotClaim c, Instant now) {
        if (!now.isBefore(c.expiresAt())) {
            Optional<SlotClaim> ended = SlotTransitions.end(c, SlotEvent.EXPIRE, now, SlotAudit.EXPIRY)
                    .flatMap(after -> store.update(c, after));
            if (ended.isEmpty()) {
                return false;
            }
            auditor.record(SlotAudit.EXPIRED, SlotAudit.EXPIRY, SlotAudit.payload(ended.get()));
            news.expired(ended.get());
            queue.serve(c.pool());
            return true;
        }
        if (c.warned()) {
            return false;
        }
        Optional<SlotClaim> warned = SlotTransitions.warn(c).flatMap(after -> store.update(c, after));
        if (warned.isEmpty()) {
            return false;
        }
        auditor.record(SlotAudit.WARNED, SlotAudit.EXPIRY, SlotAudit.payload(warned.get()));
        Instant cap = c.heldSince().plus(pools.settings(c.slot()).maxHold());
        news.expiring(warned.get(), cap.isAfter(c.expiresAt()));
        return true;
    }
}
