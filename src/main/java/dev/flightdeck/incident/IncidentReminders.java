package dev.flightdeck.incident;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.audit.Auditor;
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
import java.util.Map;
import java.util.Optional;

/**
 * The update cadence: when an incident's reminder is due, its communicator is DM'd (or, until one is named, its
 * commander). A reminder is claimed in the database before it is sent (a conditional update of its due time to a
 * short lease), so two replicas send it once, and one that dies before sending leaves it due again when the lease
 * ends. The job also resumes declarations that stalled. It wakes for the next due item ({@link Waker}; at the latest
 * every {@code incident-jobs.interval}, 60 s by default, which is how late it sees another replica's incidents).
 */
@Singleton
public class IncidentReminders implements BackgroundJob {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentReminders.class);
    /**
     * A reminder is claimed for this long before it is sent: a replica that dies in between loses nothing (any
     * replica sends it once the lease ends), at the price of a duplicate DM if a send outlasts the lease. The default
     * of {@code flightdeck.scheduler.claim-lease}.
     */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(2);
    private final Duration claimLease;

    private final IncidentRepository repository;
    private final IncidentChannels channels;
    private final IncidentSetup setup;
    private final Auditor auditor;
    private final Clock clock;
    private final TeamConfig config;
    private final List<ReminderObserver> observers;

    public IncidentReminders(IncidentRepository repository, IncidentChannels channels, IncidentSetup setup,
                             Auditor auditor, Clock clock, TeamConfig config, List<ReminderObserver> observers,
            @io.micronaut.context.annotation.Value("${flightdeck.scheduler.claim-lease:2m}") Duration claimLease) {
        this.claimLease = claimLease;
        this.repository = repository;
        this.channels = channels;
        this.setup = setup;
        this.auditor = auditor;
        this.clock = clock;
        this.config = config;
        this.observers = List.copyOf(observers);
    }

    @Inject
    void wakeWith(Wakeups wakeups, @Value("${incident-jobs.interval:60s}") Duration cap) {
        wakeups.start(Wakeups.INCIDENT, Waker.Job.of(repository::nextDue, this::runDue), cap);
    }

    /** Sends every reminder due now and resumes stalled declarations; returns how many reminders were sent. */
    public int runDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (Incident incident : repository.dueReminders(now)) {
            if (remind(incident, now)) {
                sent++;
            }
        }
        for (Incident stalled : repository.stalledSetups(now)) {
            setup.run(stalled.number());
        }
        return sent;
    }

    private boolean remind(Incident incident, Instant now) {
        Instant due = incident.nextReminderAt().orElseThrow();
        Optional<Duration> cadence = config.incidents().updateEvery(incident.severity());
        if (cadence.isEmpty()) {
            repository.claimReminder(incident.number(), due, Optional.empty()); // severity lowered: no more reminders
            return false;
        }
        // Claimed for a short lease, moved to the next cadence only after the send (see CLAIM_LEASE).
        Instant leaseUntil = now.plus(claimLease);
        if (!repository.claimReminder(incident.number(), due, Optional.of(leaseUntil))) {
            return false;
        }
        // Repeats every cadence until someone posts an update (which moves the next reminder itself).
        Optional<Instant> next = Optional.of(now.plus(cadence.get()));
        Duration since = Duration.between(incident.lastHeardAt(), now);
        String to = incident.communicatorId().orElse(incident.commanderId());
        ReminderObserver.Role role = incident.communicatorId().isPresent()
                ? ReminderObserver.Role.COMMUNICATOR : ReminderObserver.Role.COMMANDER;
        try {
            if (incident.communicatorId().isPresent()) {
                channels.remindCommunicator(incident, to, since);
            } else {
                channels.remindCommander(incident, since);
            }
        } catch (RuntimeException e) {
            LOG.warn("Reminder for {} could not be sent: {}; the next one is due in {}", incident.id(), e.toString(),
                    cadence.get());
            // Slack answered (an error): the next try waits a whole cadence rather than retrying every lease.
            repository.completeReminder(incident.number(), leaseUntil, next);
            tell(incident, role, ReminderObserver.Outcome.FAILED);
            return false;
        }
        repository.completeReminder(incident.number(), leaseUntil, next);
        auditor.recordOnce(IncidentEvents.REMINDED, "flightdeck", incident.id() + ":" + due,
                Map.of("incident", incident.id(), "to", to, "role",
                        incident.communicatorId().isPresent() ? "communicator" : "commander",
                        "silentSeconds", since.getSeconds()));
        tell(incident, role, ReminderObserver.Outcome.SENT);
        return true;
    }

    private void tell(Incident incident, ReminderObserver.Role role, ReminderObserver.Outcome outcome) {
        for (ReminderObserver observer : observers) {
            try {
                observer.reminded(incident, role, outcome);
            } catch (RuntimeException e) {
                LOG.warn("{} failed on the reminder for {}", observer.getClass().getSimpleName(), incident.id(), e);
            }
        }
    }
}
