package dev.flightdeck.alarms;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.alarms.AlertEpisodeStore.Held;
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
import java.util.Locale;
import java.util.Optional;

/**
 * Re-pings a production environment's approvers in the episode's thread while its alarm fires and nobody has
 * acknowledged it: {@code alert-nudge-after} after it fired, then again every {@code alert-nudge-after}, at most
 * {@value #MAX_NUDGES} times. Driven from
 * the database (as the config change nudges are), so it survives restarts; each nudge is claimed by a
 * compare-and-set on the episode's row (the next nudge time and the count move together), so of two replicas one
 * sends it. Wakes for the next due nudge; tests move the clock and call {@link #runDue()}.
 */
@Singleton
@Requires(beans = {AlertEpisodeStore.class, AlertNews.class})
public class AlertNudges implements BackgroundJob {

    /** The waker topic; the store tells it of new nudge times. */
    public static final String TOPIC = "alert-nudge";
    private static final Logger LOG = LoggerFactory.getLogger(AlertNudges.class);
    private static final int BATCH = 100;
    /**
     * At most this many pings per episode (as config change requests): an alarm that fires for hours, or a monitor
     * that never says it is over (Sentry's issue alerts), must not ping every 15 minutes for ever.
     */
    public static final int MAX_NUDGES = 4;

    private final AlertEpisodeStore store;
    private final AlertNews news;
    private final TeamConfig team;
    private final Clock clock;

    public AlertNudges(AlertEpisodeStore store, AlertNews news, TeamConfig team, Clock clock) {
        this.store = store;
        this.news = news;
        this.team = team;
        this.clock = clock;
    }

    /** {@code flightdeck.alerts.wake: false} leaves the waker off: test apps move their clock and call runDue(). */
    @Inject
    void wakeWith(Wakeups wakeups, @Value("${flightdeck.alerts.scheduler-interval:60s}") Duration cap,
                  @Value("${flightdeck.alerts.wake:true}") boolean wake) {
        if (!wake) {
            return;
        }
        wakeups.start(TOPIC, Waker.Job.of(store::nextNudge, this::runDue), cap);
    }

    /**
     * Production, as the delivery metrics read it: an environment named {@code prod} or {@code production}, or
     * starting with {@code prod-} or {@code production-}.
     */
    public static boolean production(String environment) {
        String e = environment.toLowerCase(Locale.ROOT);
        return e.equals("prod") || e.equals("production") || e.startsWith("prod-") || e.startsWith("production-");
    }

    /** Sends the nudges due now; returns how many this replica sent. */
    public int runDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (Held held : store.dueNudges(now, BATCH)) {
            try {
                sent += nudge(held, now) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("alert episode #{}: nudge failed ({}); the next run tries again", held.episode().id(),
                        e.getClass().getSimpleName());
            }
        }
        return sent;
    }

    private boolean nudge(Held held, Instant now) {
        AlertEpisode e = held.episode();
        Optional<EnvironmentConfig> env = team.environment(e.latest().environment())
                .filter(AlertEpisodes::nudged);
        boolean due = env.isPresent() && e.state() == AlertState.ALARM && e.acknowledgedBy().isEmpty()
                && !held.endedBy(now);
        if (!due) {
            store.update(held, EpisodeTransitions.unarmed(e), held.endsAt());
            return false;
        }
        Optional<Instant> next = e.nudges() + 1 < MAX_NUDGES
                ? Optional.of(now.plus(env.get().alerts().nudgeAfter())) : Optional.empty();
        Optional<Held> claimed = store.update(held, EpisodeTransitions.nudged(e, next), held.endsAt());
        if (claimed.isEmpty()) {
            return false;
        }
        news.nudge(claimed.get().episode(), env.get().approvers());
        return true;
    }
}
