package dev.flightdeck.incident.followup;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.Links;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exports follow-ups to the team file's tracker ({@code incidents.follow-ups}): one issue per follow-up. The export
 * is owed in the follow-up's row from the moment it is added (export state PENDING), so a crash or a tracker outage
 * loses nothing: a run claims it with a compare-and-set that moves its next try {@link #LEASE} ahead (one replica
 * calls the tracker), then stores the key and URL, or the failure and a next try backed off from 1 minute
 * doubling to 1 hour. {@link #exportNow} is the prompt after a follow-up is added; the waker catches up.
 */
@Singleton
public class FollowUpExports implements BackgroundJob {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpExports.class);
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration MAX_RETRY = Duration.ofHours(1);
    private static final int BATCH = 50;

    private final FollowUpStore store;
    private final IncidentRepository incidents;
    private final List<FollowUpTracker> trackers;
    private final TeamConfig team;
    private final Links links;
    private final FollowUpNews news;
    private final Auditor auditor;
    private final Clock clock;

    public FollowUpExports(FollowUpStore store, IncidentRepository incidents, List<FollowUpTracker> trackers,
                           TeamConfig team, Links links, FollowUpNews news, Auditor auditor, Clock clock) {
        this.store = store;
        this.incidents = incidents;
        this.trackers = List.copyOf(trackers);
        this.team = team;
        this.links = links;
        this.news = news;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Inject
    void wakeWith(Wakeups wakeups, @Value("${flightdeck.follow-ups.scheduler-interval:5m}") Duration cap,
                  @Value("${flightdeck.follow-ups.wake:true}") boolean wake) {
        if (!wake) {
            return;
        }
        wakeups.start(FollowUps.EXPORT_TOPIC, Waker.Job.of(store::nextExport, this::runDue), cap);
    }

    /** Exports every follow-up whose export is due; returns how many issues this run opened. */
    public int runDue() {
        int opened = 0;
        for (FollowUp due : store.dueExports(now(), BATCH)) {
            opened += export(due) ? 1 : 0;
        }
        return opened;
    }

    /** Exports this one now if it is owed and no one else is at it (the prompt after it was added). */
    public boolean exportNow(long id) {
        return store.find(id).filter(f -> f.export().state() == FollowUp.ExportState.PENDING)
                .filter(f -> f.export().nextAt().map(at -> !at.isAfter(now())).orElse(false))
                .map(this::export).orElse(false);
    }

    private boolean export(FollowUp due) {
        Optional<FollowUpExport> where = team.incidents().followUps();
        Optional<FollowUpTracker> tracker = where.flatMap(w -> trackers.stream().filter(t -> t.handles(w)).findFirst());
        Optional<Incident> incident = incidents.find(due.incidentNumber());
        if (where.isEmpty() || tracker.isEmpty() || incident.isEmpty()) {
            return false; // no tracker configured (any more): the export stays owed and shows as such
        }
        Instant now = now();
        FollowUp.Export before = due.export();
        Optional<FollowUp> claimed = store.update(FollowUpTransitions.exported(due, new FollowUp.Export(
                FollowUp.ExportState.PENDING, Optional.empty(), Optional.empty(), before.attempts() + 1,
                Optional.of(now.plus(LEASE)), before.lastError())));
        if (claimed.isEmpty()) {
            return false;
        }
        FollowUp mine = claimed.get();
        try {
            FollowUpTracker.Created created = tracker.get().create(where.get(), mine, incident.get(),
                    links.incidentPage(mine.incidentNumber()));
            Optional<FollowUp> stored = store.update(FollowUpTransitions.exported(mine, new FollowUp.Export(
                    FollowUp.ExportState.DONE, Optional.of(created.key()), Optional.of(created.url()),
                    mine.export().attempts(), Optional.empty(), Optional.empty())));
            auditor.record(FollowUpEvents.EXPORTED, "flightdeck", Map.of("incident", mine.incidentId(),
                    "followUp", mine.id(), "issue", created.key(), "url", created.url()));
            stored.ifPresent(s -> news.changed(incident.get()));
            return true;
        } catch (FollowUpTracker.TrackerFailure | RuntimeException e) {
            Duration wait = backoff(mine.export().attempts());
            LOG.warn("follow-up #{}: export failed ({}); trying again in {}", mine.id(), e.getMessage(), wait);
            store.update(FollowUpTransitions.exported(mine, new FollowUp.Export(FollowUp.ExportState.PENDING,
                    Optional.empty(), Optional.empty(), mine.export().attempts(), Optional.of(now.plus(wait)),
                    Optional.ofNullable(e.getMessage()))));
            return false;
        }
    }

    /** 1 minute after the first failure, doubling, at most an hour. */
    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY;
        for (int i = 1; i < attempts && wait.compareTo(MAX_RETRY) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
