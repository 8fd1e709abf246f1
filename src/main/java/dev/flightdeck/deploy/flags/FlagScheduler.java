package dev.flightdeck.deploy.flags;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.EnvironmentConfig;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nudges, expiry, and flips left half-done, driven from the database so they survive restarts (as the config change
 * scheduler does). A nudge is claimed for {@link #CLAIM_LEASE} so one replica sends it; expiry is a conditional
 * transition; a request in APPLYING for longer than {@link #STRANDED_AFTER} (its replica died mid-call) is settled from
 * what the provider holds: already in the asked state means applied, else the flip runs again (turning a flag on twice
 * is harmless). Tests turn the waker off, move the clock and call {@link #runDue()}.
 */
@Singleton
@Requires(beans = {FlagRepository.class, FlagProvider.class, FlagAnnouncer.class})
public class FlagScheduler implements BackgroundJob {

    private static final Logger LOG = LoggerFactory.getLogger(FlagScheduler.class);
    public static final String TOPIC = "flag-request";
    public static final Duration STRANDED_AFTER = Duration.ofMinutes(2);
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(2);
    public static final int MAX_NUDGES = 4;
    private static final int BATCH = 100;

    private final FlagRepository repository;
    private final FeatureFlags flags;
    private final FlagAnnouncer news;
    private final FlagProvider provider;
    private final TeamConfig team;
    private final Auditor auditor;
    private final Clock clock;

    public FlagScheduler(FlagRepository repository, FeatureFlags flags, FlagAnnouncer news, FlagProvider provider,
                         TeamConfig team, Auditor auditor, Clock clock) {
        this.repository = repository;
        this.flags = flags;
        this.news = news;
        this.provider = provider;
        this.team = team;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** {@code flightdeck.flags.wake: false} leaves the waker off (test apps drive {@link #runDue()} themselves). */
    @Inject
    void wakeWith(Wakeups wakeups, @Value("${flightdeck.flags.scheduler-interval:60s}") Duration cap,
                  @Value("${flightdeck.flags.wake:true}") boolean wake) {
        if (!wake) {
            return;
        }
        wakeups.start(TOPIC, Waker.Job.of(repository::nextDue, this::runDue), cap);
    }

    /** Expires, settles stranded flips, then nudges, whatever is due now; returns how many items this replica handled. */
    public int runDue() {
        Instant now = clock.instant();
        int handled = 0;
        for (FlagRequest r : repository.dueExpiries(now, BATCH)) {
            handled += safely(r, "expiry", () -> expire(r));
        }
        for (FlagRequest r : repository.stranded(now.minus(STRANDED_AFTER), BATCH)) {
            handled += safely(r, "settle", () -> settle(r));
        }
        for (FlagRequest r : repository.dueNudges(now, BATCH)) {
            handled += safely(r, "nudge", () -> nudge(r, now));
        }
        return handled;
    }

    private static int safely(FlagRequest r, String what, java.util.function.BooleanSupplier work) {
        try {
            return work.getAsBoolean() ? 1 : 0;
        } catch (RuntimeException e) {
            LOG.warn("flag request {}: {} failed ({}); the next run tries again", r.number(), what,
                    e.getClass().getSimpleName());
            return 0;
        }
    }

    private boolean expire(FlagRequest r) {
        Optional<FlagRequest> after = flags.moves().apply(r, FlagEvent.EXPIRE, FlagAudit.SCHEDULER);
        after.ifPresent(a -> news.changed(a, new FlagNews.Expired()));
        return after.isPresent();
    }

    /** A flip whose replica died: already in the asked state at the provider, or flipped again. */
    private boolean settle(FlagRequest r) {
        if (team.flags().isPresent()) {
            try {
                FlagProvider.EnvironmentState state = provider.read(team.flags().get(), r.flagKey(),
                        List.of(r.providerEnvironment())).environments().get(r.providerEnvironment());
                if (state != null && state.on() == r.turnOn()) {
                    LOG.info("flag request {}: found applied at the provider after its call was left unfinished",
                            r.number());
                    flags.applier().applied(r);
                    return true;
                }
            } catch (FlagProviderException e) {
                LOG.info("flag request {}: could not read the provider ({}); flipping again", r.number(), e.kind());
            }
        }
        flags.apply(r.id());
        return true;
    }

    private boolean nudge(FlagRequest r, Instant now) {
        EnvironmentConfig env = team.environment(r.environment()).orElseThrow(() -> new IllegalStateException(
                "environment " + r.environment() + " is no longer in the team config"));
        int number = r.timers().nudges() + 1;
        Instant next = number < MAX_NUDGES ? now.plus(env.nudgeAfter()) : null;
        Instant leaseUntil = now.plus(CLAIM_LEASE);
        if (!repository.claimNudge(r, leaseUntil)) {
            return false;
        }
        boolean first = auditor.recordFirst(FlagAudit.NUDGED, FlagAudit.SCHEDULER, r.number() + ":" + number,
                Map.of("request", r.number(), "number", number));
        if (first) {
            news.changed(r, new FlagNews.Nudged(number));
        }
        if (!repository.completeNudge(r, leaseUntil, next)) {
            LOG.info("flag request {}: nudge {} sent but its lease was lost", r.number(), number);
        }
        return true;
    }
}
