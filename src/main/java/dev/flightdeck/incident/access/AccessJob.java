package dev.flightdeck.incident.access;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentLifecycle;
import dev.flightdeck.ready.DatabaseReady;
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
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Drives break-glass requests from the database, so a restart or another replica loses nothing: grants once
 * approved, follows Identity Center's status, revokes at expiry, retries with backoff, lapses requests nobody
 * decided. Wakes for the earliest due row ({@code wake}); tests turn the waker off, move the clock and call
 * {@link #runDue()}. As an {@link IncidentLifecycle} it hears an incident resolve and ends its access at once (if
 * that prompt is lost, the next start's {@link #catchUp()} ends it, and expiry in any case).
 */
@Singleton
@Requires(beans = {AccessGrantStore.class, IdentityCenter.class, AccessPeople.class, AccessNews.class})
public class AccessJob implements BackgroundJob, IncidentLifecycle {

    public static final String TOPIC = "incident-access";
    private static final Logger LOG = LoggerFactory.getLogger(AccessJob.class);
    private static final int BATCH = 50;

    private final AccessGrantStore store;
    private final AccessWork work;
    private final Clock clock;

    public AccessJob(AccessGrantStore store, AccessWork work, Clock clock) {
        this.store = store;
        this.work = work;
        this.clock = clock;
    }

    /** {@code flightdeck.access.wake: false} leaves the waker off: test apps move their clock and call runDue(). */
    @Inject
    void wakeWith(Wakeups wakeups, @Value("${flightdeck.access.scheduler-interval:60s}") Duration cap,
                  @Value("${flightdeck.access.wake:true}") boolean wake, DatabaseReady ready) {
        // Once the schema is there (migrations run in the background at start-up), not on the thread starting the service.
        ready.whenReady(this::catchUp);
        if (!wake) {
            return;
        }
        wakeups.start(TOPIC, Waker.Job.of(store::nextDue, this::runDue), cap);
    }

    /** Does what is due now; returns how many requests this run moved. */
    public int runDue() {
        Instant now = now();
        int moved = 0;
        for (AccessGrant g : store.due(now, BATCH)) {
            try {
                moved += work.handle(g, now) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("access request #{}: {} failed; the next run tries again", g.id(), e.getClass().getSimpleName());
            }
        }
        return moved;
    }

    /**
     * At start-up: ends the access of incidents resolved while no process heard it (see
     * {@link AccessWork#endForResolved}), then does what that made due. A failure is logged; expiry still ends it.
     */
    public int catchUp() {
        try {
            int ended = work.endForResolved(now());
            if (ended > 0) {
                LOG.info("ended {} break-glass request(s) of incidents resolved while nobody listened", ended);
                runDue();
            }
            return ended;
        } catch (RuntimeException e) {
            LOG.warn("break-glass catch-up at start failed ({}); expiry still ends the access", e.getClass().getSimpleName());
            return 0;
        }
    }

    /** An approver's Grant, carried out now rather than at the next look (the waker catches up if this fails). */
    public void grantNow(long requestId) {
        store.find(requestId).filter(g -> g.state() == AccessState.GRANTING).ifPresent(g -> work.handle(g, now()));
    }

    @Override
    public void resolved(Incident incident) {
        Instant now = now();
        for (AccessGrant g : store.ofIncident(incident.number())) {
            if (!g.state().isFinal()) {
                work.end(g, now);
            }
        }
        // A grant caught mid-way is revoked now too (it becomes due for revocation as its creation lands).
        for (int pass = 0; pass < 3 && runDue() > 0; pass++) {
            // again, while passes move something
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
