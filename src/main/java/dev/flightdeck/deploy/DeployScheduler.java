package dev.flightdeck.deploy;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.audit.Auditor;
import dev.flightdeck.text.Durations;
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
import java.util.Map;
import java.util.Optional;

/**
 * Nudges and expiry, driven from the database so they survive restarts: every run finds what is due and claims
 * each item with a conditional update, so with several replicas each request expires once and each nudge is sent
 * once: a nudge is claimed for {@link #CLAIM_LEASE} and only counted after it was sent; a claim that comes due again
 * (its replica died between sending and counting) first looks in the thread for that nudge. It wakes for the next
 * due item ({@link Waker}; at the latest every {@code flightdeck.deploy.scheduler-interval}, 60 s by default, which is
 * how late it sees another replica's requests). Tests move the clock and call {@link #runDue()} instead of waiting.
 */
@Singleton
@Requires(beans = DeployRepository.class)
public class DeployScheduler implements BackgroundJob {

    private static final Logger LOG = LoggerFactory.getLogger(DeployScheduler.class);
    /** Approvers are pinged at most this many times; the runner too. */
    public static final int MAX_NUDGES = 4;
    private static final int BATCH = 100;
    /**
     * A nudge is claimed for this long before it is sent and counted after: a replica that dies in between loses
     * nothing (any replica takes it once the lease ends, and sends it unless the thread already has it). The default
     * of {@code flightdeck.scheduler.claim-lease}.
     */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(2);
    private final Duration claimLease;
    /** /deploy queues its go/no-go right after storing the request; only older requests without one were left behind. */
    static final Duration UNPOSTED_GRACE = Duration.ofMinutes(1);

    private final DeployRepository repository;
    private final DeployMoves moves;
    private final DeployAnnouncer announcer;
    private final Auditor auditor;
    private final Clock clock;

    public DeployScheduler(DeployRepository repository, DeployMoves moves, DeployAnnouncer announcer, Auditor auditor, Clock clock,
            @io.micronaut.context.annotation.Value("${flightdeck.scheduler.claim-lease:2m}") Duration claimLease) {
        this.claimLease = claimLease;
        this.repository = repository;
        this.moves = moves;
        this.announcer = announcer;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Inject
    void wakeWith(Wakeups wakeups, @Value("${flightdeck.deploy.scheduler-interval:60s}") Duration cap) {
        wakeups.start(Wakeups.DEPLOY, Waker.Job.of(() -> repository.nextSchedulerDue(UNPOSTED_GRACE), this::runDue), cap);
    }

    /**
     * Queues missing go/no-go messages, expires, then nudges, whatever is due now. Returns how many items this
     * replica handled.
     */
    public int runDue() {
        Instant now = clock.instant();
        int handled = 0;
        // A request stored by a process that stopped before queuing its go/no-go: queued now. Queuing is keyed by the
        // request, so a message already queued (waiting for Slack, or being posted) is not queued twice.
        for (DeployRequest r : repository.withoutMessage(now.minus(UNPOSTED_GRACE), BATCH)) {
            handled += safely(r, "go/no-go", () -> {
                announcer.queuePost(moves.view(r));
                return false;
            });
        }
        for (DeployRequest r : repository.dueExpiries(now, BATCH)) {
            handled += safely(r, "expiry", () -> expire(r));
        }
        for (DeployRequest r : repository.dueNudges(now, BATCH)) {
            handled += safely(r, "nudge", () -> nudge(r, now));
        }
        return handled;
    }

    /** One bad item (say, its environment was removed from the team file) must not stop the others. */
    private static int safely(DeployRequest r, String what, java.util.function.BooleanSupplier work) {
        try {
            return work.getAsBoolean() ? 1 : 0;
        } catch (RuntimeException e) {
            LOG.warn("deploy #{}: {} failed; the next run tries again", r.id(), what, e);
            return 0;
        }
    }

    private boolean expire(DeployRequest r) {
        EnvironmentConfig env = moves.environment(r);
        String reason = "no decision or start within " + Durations.format(env.expireAfter());
        if (moves.apply(r, DeployEvent.EXPIRE, DeployAudit.SCHEDULER, reason).isEmpty()) {
            return false;
        }
        moves.show(r.id());
        announcer.reply(r, new DeployNews.Expired(env.expireAfter(), r.state().awaitsDecision()));
        return true;
    }

    private boolean nudge(DeployRequest r, Instant now) {
        EnvironmentConfig env = moves.environment(r);
        boolean approvers = r.state().awaitsDecision();
        Duration every = DeployTransitions.nudgeEvery(r.state(), DeployTransitions.Timers.of(env));
        int number = r.nudgesSent() + 1;
        Instant next = number < MAX_NUDGES ? now.plus(every) : null;
        Instant leaseUntil = now.plus(claimLease);
        if (!repository.claimNudge(r, leaseUntil)) {
            return false;
        }
        Duration waited = Duration.between(approvers ? r.requestedAt() : r.stateChangedAt(), now);
        DeployNews news = approvers ? new DeployNews.ApproversNudged(env.approvers(), waited)
                : new DeployNews.RunnerNudged(waited);
        String key = r.id() + ":" + r.state() + ":" + number;
        boolean first = auditor.recordFirst(DeployAudit.NUDGED, DeployAudit.SCHEDULER, key,
                Map.of("request", r.id(), "who", approvers ? "approvers" : "runner", "number", number));
        // Recorded before: an earlier claim of this very nudge got that far and never counted it (its replica was
        // killed, or its send outlasted the lease). Post only if that send did not land.
        if (first || !announcer.hasReply(r, "nudge:" + key)) {
            announcer.reply(r, news, "nudge:" + key);
        } else {
            LOG.info("deploy #{}: nudge {} is already in the thread (sent by a claim that never counted it)", r.id(), number);
        }
        if (!repository.completeNudge(r, leaseUntil, next)) {
            // The request moved on while we sent (its transition set the nudge time), or the send outlasted the lease.
            LOG.info("deploy #{}: nudge {} sent but its lease was lost", r.id(), number);
        }
        return true;
    }
}
