package dev.flightdeck.incident.followup;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.wake.Waker;
import dev.flightdeck.wake.Wakeups;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Asks a polled tracker (Jira) every {@code flightdeck.follow-ups.poll-every} (10 minutes) which exported issues are
 * done, and closes their follow-ups. Closing is a compare-and-set, so two replicas polling close each once.
 */
@Singleton
public class FollowUpTrackerPolls implements BackgroundJob {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpTrackerPolls.class);
    static final String TOPIC = "follow-up-poll";
    private static final int BATCH = 100;

    private final FollowUpStore store;
    private final FollowUps followUps;
    private final List<FollowUpTracker> trackers;
    private final TeamConfig team;
    private final Clock clock;
    private final Duration every;
    private volatile Instant next = Instant.EPOCH;

    public FollowUpTrackerPolls(FollowUpStore store, FollowUps followUps, List<FollowUpTracker> trackers,
                                TeamConfig team, Clock clock,
                                @Value("${flightdeck.follow-ups.poll-every:10m}") Duration every) {
        this.store = store;
        this.followUps = followUps;
        this.trackers = List.copyOf(trackers);
        this.team = team;
        this.clock = clock;
        this.every = every;
    }

    @Inject
    void wakeWith(Wakeups wakeups, @Value("${flightdeck.follow-ups.wake:true}") boolean wake) {
        if (!wake || !(team.incidents().followUps().orElse(null) instanceof FollowUpExport.Jira)) {
            return;
        }
        wakeups.start(TOPIC, Waker.Job.of(() -> Optional.of(next), this::runDue), every);
    }

    /** Closes the follow-ups whose issues the tracker says are done; returns how many. */
    public int runDue() {
        next = clock.instant().plus(every);
        Optional<FollowUpExport> where = team.incidents().followUps();
        if (where.isEmpty() || !(where.get() instanceof FollowUpExport.Jira jira)) {
            return 0;
        }
        Optional<FollowUpTracker> tracker = trackers.stream().filter(t -> t.handles(jira)).findFirst();
        if (tracker.isEmpty()) {
            return 0;
        }
        int closed = 0;
        long after = 0;
        try {
            // Every open exported follow-up is asked about, a page of BATCH at a time, oldest first.
            while (true) {
                List<FollowUp> page = store.openExported(jira.project() + "-", after, BATCH);
                List<String> keys = page.stream().map(f -> f.export().key().orElse("")).filter(k -> !k.isEmpty())
                        .toList();
                for (String key : keys.isEmpty() ? List.<String>of() : tracker.get().closed(jira, keys)) {
                    closed += followUps.closedInTracker(key, FollowUpState.DONE, "jira:" + jira.user(),
                            "issue " + key + " done in Jira") ? 1 : 0;
                }
                if (page.size() < BATCH) {
                    return closed;
                }
                after = page.get(page.size() - 1).id();
            }
        } catch (FollowUpTracker.TrackerFailure e) {
            LOG.warn("Polling Jira for done follow-ups failed ({}); trying again in {}", e.getMessage(), every);
            return closed;
        }
    }
}
