package dev.flightdeck.deploy;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.deploy.check.DeployCandidate;
import dev.flightdeck.deploy.check.DeployCheck;
import dev.flightdeck.team.ServiceConfig;
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
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Runs again the checks that had not settled (gate ci: CI still running, or GitHub unreadable): every minute, and at
 * once when news of what one waits on arrives (a GitHub delivery for its commit). It wakes for the earliest recheck
 * time ({@link Waker}; a stored check with a recheck time wakes it early), and looks at the latest every
 * {@code flightdeck.deploy.scheduler-interval} (60 s), which is how late it sees another replica's checks. Each re-check is claimed first
 * ({@link CheckRechecksStore#claim}), so with several replicas it runs once. When a result changes, the go/no-go
 * message is redrawn in place; when it settles, the thread is told, and a request that only waited for it starts
 * (approved with auto-start) or gets the policy's go (announce only). Tests move the clock and call {@link #runDue()}.
 */
@Singleton
@Requires(beans = CheckRechecksStore.class)
public class DeployRechecks implements BackgroundJob {

    private static final Logger LOG = LoggerFactory.getLogger(DeployRechecks.class);
    /** How often an unsettled check runs again. */
    public static final Duration EVERY = Duration.ofMinutes(1);
    /** A claimed re-check is someone's for this long; a replica that dies in between leaves it due again after. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 50;

    private final CheckRechecksStore store;
    private final DeployRepository repository;
    private final PreDeployChecks checks;
    private final DeployMoves moves;
    private final DeployStarts starts;
    private final DeployAnnouncer announcer;
    private final TeamConfig config;
    private final Clock clock;

    public DeployRechecks(CheckRechecksStore store, DeployRepository repository, PreDeployChecks checks,
                          DeployMoves moves, DeployStarts starts, DeployAnnouncer announcer, TeamConfig config,
                          Clock clock) {
        this.store = store;
        this.repository = repository;
        this.checks = checks;
        this.moves = moves;
        this.starts = starts;
        this.announcer = announcer;
        this.config = config;
        this.clock = clock;
    }

    @Inject
    void wakeWith(Wakeups wakeups, @Value("${flightdeck.deploy.scheduler-interval:60s}") Duration cap) {
        wakeups.start(Wakeups.RECHECK, wakeJob(), cap);
    }

    /** What the waker drives: the store's earliest recheck time, and {@link #runDue()}. */
    public Waker.Job wakeJob() {
        return Waker.Job.of(store::nextDue, this::runDue);
    }

    /** Runs every re-check that is due now; returns how many this replica ran. */
    public int runDue() {
        int ran = 0;
        for (CheckRechecksStore.Due due : store.due(clock.instant(), BATCH)) {
            ran += safely(due) ? 1 : 0;
        }
        return ran;
    }

    /** Runs at once every re-check waiting on {@code subject} (a commit sha GitHub just finished a suite on). */
    public int recheckWaitingOn(String subject) {
        if (subject == null || subject.isBlank()) {
            return 0;
        }
        int ran = 0;
        for (CheckRechecksStore.Due due : store.waitingOn(subject, BATCH)) {
            ran += safely(due) ? 1 : 0;
        }
        return ran;
    }

    private boolean safely(CheckRechecksStore.Due due) {
        try {
            return recheck(due);
        } catch (RuntimeException e) {
            // Its lease ends and it is due again.
            LOG.warn("deploy #{}: re-check of {} failed; it runs again when its lease ends", due.requestId(), due.name(), e);
            return false;
        }
    }

    private boolean recheck(CheckRechecksStore.Due due) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant lease = now.plus(LEASE);
        if (!store.claim(due, lease)) {
            return false;
        }
        DeployRequest r = repository.find(due.requestId()).orElseThrow();
        CheckResult before = repository.checks(r.id()).stream().filter(c -> c.name().equals(due.name())).findFirst()
                .orElseThrow();
        Optional<DeployCheck> check = checks.named(due.name());
        Optional<ServiceConfig> service = config.service(r.service());
        Optional<EnvironmentConfig> env = config.environment(r.environment());
        if (check.isEmpty() || service.isEmpty() || env.isEmpty()) {
            // Left the team file (or the code): nothing to run any more; the result stays until overridden or expired.
            store.settle(due, lease, withRecheck(before, null));
            return false;
        }
        CheckResult after = PreDeployChecks.runOne(check.get(), new DeployCandidate(r.service(), r.environment(),
                r.version(), r.requesterId(), service.get(), env.get(), now));
        if (!store.settle(due, lease, after)) {
            LOG.info("deploy #{}: re-check of {} lost its lease or was overridden meanwhile", r.id(), due.name());
            return true;
        }
        boolean changed = after.blocked() != before.blocked() || after.waiting() != before.waiting()
                || !after.text().equals(before.text());
        if (!changed) {
            return true;
        }
        LOG.info("deploy #{}: check {} is now {}", r.id(), due.name(),
                after.recheckAt() != null ? "still unsettled" : after.blocked() ? "blocking" : "passed");
        DeployView view = moves.view(r);
        moves.show(view);
        if (after.recheckAt() == null) {
            settled(view, after, env.get());
        }
        return true;
    }

    /** The check settled: the thread hears it, and a request that only waited for it goes on. */
    private void settled(DeployView view, CheckResult result, EnvironmentConfig env) {
        DeployRequest r = view.request();
        boolean clear = view.checks().stream().noneMatch(CheckResult::stopsStart);
        boolean startsNow = clear && r.state() == DeployState.APPROVED && env.autoStart();
        announcer.reply(r, new DeployNews.CheckSettled(result.name(), result.blocked(), result.text(), startsNow));
        if (!clear) {
            return;
        }
        if (r.state() == DeployState.REQUESTED && env.announceOnly()) {
            starts.announceOnlyGo(r);
        } else if (startsNow) {
            starts.start(r.id(), DeployAudit.POLICY);
        }
    }

    private static CheckResult withRecheck(CheckResult c, Instant at) {
        return new CheckResult(c.name(), c.blocked(), c.text(), c.overriddenBy(), c.overrideReason(), c.waiting(), at,
                c.waitsOn());
    }
}
