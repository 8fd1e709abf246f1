package dev.flightdeck.incident;

import dev.flightdeck.incident.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where incidents and their timelines are kept. Every write is a targeted, conditional update so concurrent work
 * on one incident (a declaration still reaching Slack, an update, a reminder job on another replica) never
 * overwrites another's change.
 */
public interface IncidentRepository extends OpenIncidents {

    record NewIncident(String title, Severity severity, String declaredBy, String declaredIn, Instant startedAt,
                       Optional<Instant> nextReminderAt) {
    }

    Incident create(NewIncident incident);

    Optional<Incident> find(long number);

    Optional<Incident> findByChannel(String channelId);

    /** Open incidents, oldest first. */
    @Override
    List<Incident> open();

    /** Incidents started in [from, until), newest first: the web pages' lists. */
    List<Incident> startedBetween(Instant from, Instant until, int limit);

    /**
     * A page of past incidents: resolved ones started in [from, until), of this severity if given, numbered below
     * {@code beforeNumber} (Long.MAX_VALUE for the newest), newest first, at most {@code limit}.
     */
    List<Incident> resolvedPage(Instant from, Instant until, Optional<Severity> severity, long beforeNumber, int limit);

    // ---- declaration steps

    /** Takes the declaration for this caller until {@code until}; false when another holds an unexpired lease. */
    boolean claimSetup(long number, Instant now, Instant until);

    /** Declarations not finished whose lease has run out (a crash, a Slack outage): to resume. */
    List<Incident> stalledSetups(Instant now);

    void setChannel(long number, String channelId, String channelName);

    void setCard(long number, String ts);

    void markStep(long number, SetupStep step, Instant at);

    void markSetupComplete(long number);

    // ---- changes

    void setRole(long number, IncidentRole role, String userId);

    void setSeverity(long number, Severity severity, Optional<Instant> nextReminderAt);

    void recordUpdate(long number, IncidentStatus status, Instant at, Optional<Instant> nextReminderAt);

    /** Resolves once: false when it was already resolved (a double submit). */
    boolean resolve(long number, Instant at, Incident.SummaryText summary);

    // ---- reminders

    List<Incident> dueReminders(Instant now);

    /**
     * When {@link IncidentReminders} next has work: the earliest reminder of an open incident or the end of a set-up
     * lease of an unfinished declaration; empty when none. A store that cannot say answers "now" (always look).
     */
    default Optional<Instant> nextDue() {
        return Optional.of(Instant.EPOCH);
    }

    /** Moves a due reminder from {@code due} to {@code next}; false when another replica or run claimed it first. */
    boolean claimReminder(long number, Instant due, Optional<Instant> next);

    /**
     * After the send: moves the reminder from the lease end to the next cadence, unless an update or another
     * replica moved it meanwhile.
     */
    default boolean completeReminder(long number, Instant leaseUntil, Optional<Instant> next) {
        return claimReminder(number, leaseUntil, next);
    }

    // ---- timeline

    /** Adds the entry; with a dedupKey, only the first entry with that key for the incident. True when stored. */
    boolean addTimeline(long number, TimelineEntry entry, Optional<String> dedupKey);

    List<TimelineEntry> timeline(long number);
}
