package dev.flightdeck.envconfig.change;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.envconfig.ConfigEntry;
import dev.flightdeck.envconfig.ConfigReader;
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
import java.util.Map;
import java.util.Optional;

/**
 * Nudges, expiry, and writes left half-done, driven from the database so they survive restarts (as
 * DeployScheduler does for deploys). A nudge is claimed for {@link #CLAIM_LEASE} so one replica sends it; expiry is
 * a conditional transition; a request in APPLYING for longer than {@link #STRANDED_AFTER} (its replica died
 * mid-write) is settled from what AWS holds: the new value's fingerprint at a newer version means it was written,
 * else the write runs again, which the version check keeps to one write. Wakes for the next due item; tests move
 * the clock and call {@link #runDue()}.
 */
@Singleton
@Requires(beans = {ConfigChangeRepository.class, ConfigWriter.class, PendingValues.class, ConfigHistory.class,
        ConfigChangeNews.class})
public class ConfigChangeScheduler implements BackgroundJob {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigChangeScheduler.class);
    /** The waker topic; the store tells it of new due times. */
    public static final String TOPIC = "config-change";
    /** A write takes seconds (throttling retries included); one in APPLYING this long was abandoned. */
    public static final Duration STRANDED_AFTER = Duration.ofMinutes(2);
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(2);
    /** Approvers are reminded at most this many times, as for deploys. */
    public static final int MAX_NUDGES = 4;
    private static final int BATCH = 100;

    private final ConfigChangeRepository repository;
    private final ConfigChanges changes;
    private final ConfigChangeNews news;
    private final ConfigReader reader;
    private final TeamConfig team;
    private final Auditor auditor;
    private final Clock clock;

    public ConfigChangeScheduler(ConfigChangeRepository repository, ConfigChanges changes, ConfigChangeNews news,
                                 ConfigReader reader, TeamConfig team, Auditor auditor, Clock clock) {
        this.repository = repository;
        this.changes = changes;
        this.news = news;
        this.reader = reader;
        this.team = team;
        this.auditor = auditor;
        this.clock = clock;
    }

    /**
     * {@code flightdeck.config-change.wake: false} leaves the waker off: the test apps move their clock and call
     * {@link #runDue()} themselves, and a waker acting on the moved clock would race them.
     */
    @Inject
    void wakeWith(Wakeups wakeups, @Value("${flightdeck.config-change.scheduler-interval:60s}") Duration cap,
                  @Value("${flightdeck.config-change.wake:true}") boolean wake) {
        if (!wake) {
            return;
        }
        wakeups.start(TOPIC, Waker.Job.of(repository::nextDue, this::runDue), cap);
    }

    /** Expires, settles stranded writes, then nudges, whatever is due now; returns how many items this replica handled. */
    public int runDue() {
        Instant now = clock.instant();
        int handled = 0;
        for (ConfigChange c : repository.dueExpiries(now, BATCH)) {
            handled += safely(c, "expiry", () -> expire(c));
        }
        for (ConfigChange c : repository.stranded(now.minus(STRANDED_AFTER), BATCH)) {
            handled += safely(c, "settle", () -> settle(c));
        }
        for (ConfigChange c : repository.dueNudges(now, BATCH)) {
            handled += safely(c, "nudge", () -> nudge(c, now));
        }
        return handled;
    }

    /** One bad item (its environment left the team file, AWS down) must not stop the others. */
    private static int safely(ConfigChange c, String what, java.util.function.BooleanSupplier work) {
        try {
            return work.getAsBoolean() ? 1 : 0;
        } catch (RuntimeException e) {
            LOG.warn("config change #{}: {} failed ({}); the next run tries again", c.id(), what,
                    e.getClass().getSimpleName());
            return 0;
        }
    }

    private boolean expire(ConfigChange c) {
        Optional<ConfigChange> after = changes.moves().apply(c, ChangeEvent.EXPIRE, ChangeAudit.SCHEDULER);
        after.ifPresent(a -> news.changed(a, new ChangeNews.Expired()));
        return after.isPresent();
    }

    /** A write whose replica died: written already (the new fingerprint at a newer version), or tried again. */
    private boolean settle(ConfigChange c) {
        Optional<ConfigEntry> stored = reader.read(c.service(), c.environment()).entry(c.key());
        String base = c.value().baseVersion();
        boolean written = c.kind() == ChangeKind.SET
                ? stored.filter(e -> !e.version().equals(base)
                && e.fingerprint().equals(c.value().newFingerprint())).isPresent()
                : stored.isEmpty() && !base.isEmpty();
        if (written) {
            LOG.info("config change #{}: found written in AWS after its write was left unfinished", c.id());
            changes.applier().applied(c, stored.map(ConfigEntry::version).orElse(""));
        } else {
            changes.apply(c.id());
        }
        return true;
    }

    private boolean nudge(ConfigChange c, Instant now) {
        EnvironmentConfig env = team.environment(c.environment()).orElseThrow(() -> new IllegalStateException(
                "environment " + c.environment() + " is no longer in the team config"));
        int number = c.timers().nudges() + 1;
        Instant next = number < MAX_NUDGES ? now.plus(env.nudgeAfter()) : null;
        Instant leaseUntil = now.plus(CLAIM_LEASE);
        if (!repository.claimNudge(c, leaseUntil)) {
            return false;
        }
        // Recorded first: a claim whose replica died after recording (lease run out) does not send it again.
        boolean first = auditor.recordFirst(ChangeAudit.NUDGED, ChangeAudit.SCHEDULER, c.id() + ":" + number,
                Map.of("change", c.id(), "number", number));
        if (first) {
            news.changed(c, new ChangeNews.Nudged(number));
        }
        if (!repository.completeNudge(c, leaseUntil, next)) {
            LOG.info("config change #{}: nudge {} sent but its lease was lost", c.id(), number);
        }
        return true;
    }
}
