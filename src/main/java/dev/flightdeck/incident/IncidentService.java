package dev.flightdeck.incident;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.people.NameBook;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The incident use cases. Each one changes the record (database, timeline, audit) before it returns, and returns
 * what it did as an {@link IncidentResult}: the Slack feature words the answer, tells the channel, and schedules the
 * work that shows the new state (card, topic, DMs) after its ack. The set-up of a declaration in Slack is
 * {@link IncidentSetup}'s, started by whoever declared.
 */
@Singleton
public class IncidentService {

    private final IncidentRepository repository;
    private final Auditor auditor;
    private final Clock clock;
    private final TeamConfig config;
    private final FreezeLiftPolicy freezeLifts;
    private final LifecycleListeners listeners;

    @jakarta.inject.Inject
    public IncidentService(IncidentRepository repository, Auditor auditor, Clock clock, TeamConfig config,
                           FreezeLiftPolicy freezeLifts, LifecycleListeners listeners) {
        this.repository = repository;
        this.auditor = auditor;
        this.clock = clock;
        this.config = config;
        this.freezeLifts = freezeLifts;
        this.listeners = listeners;
    }

    /** A service no {@link IncidentLifecycle} listens to. */
    public IncidentService(IncidentRepository repository, Auditor auditor, Clock clock, TeamConfig config,
                           FreezeLiftPolicy freezeLifts) {
        this(repository, auditor, clock, config, freezeLifts, LifecycleListeners.none());
    }

    /** Tells the {@link IncidentLifecycle} listeners (resolution tells them through here too). */
    void tell(Incident incident, java.util.function.Consumer<IncidentLifecycle> call) {
        listeners.tell(incident, call);
    }

    // ---- declare

    /** Records the incident; its channel, card and announcement are {@link IncidentSetup}'s, run after the ack. */
    public IncidentResult declare(String title, Severity severity, String userId, String channelId) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            return new IncidentResult.NoTitle();
        }
        Instant now = now();
        Incident incident = repository.create(new IncidentRepository.NewIncident(t, severity, userId, channelId, now,
                nextReminder(severity, now)));
        repository.addTimeline(incident.number(), new TimelineEntry(now, userId, TimelineEntry.Kind.DECLARED,
                "Declared " + severity.label() + ": " + t), Optional.empty());
        auditor.record(IncidentEvents.DECLARED, userId, Map.of("incident", incident.id(), "title", t,
                "severity", severity.label(), "commander", userId));
        tell(incident, l -> l.declared(incident));
        return new IncidentResult.Declared(incident);
    }

    // ---- roles

    public IncidentResult assignRole(Optional<String> id, String channelId, IncidentRole role, String userId,
                                     String actor) {
        return withOpen(id, channelId, incident -> {
            Optional<String> previous = incident.holder(role);
            if (previous.isPresent() && previous.get().equals(userId)) {
                return new IncidentResult.AlreadyHolds(incident, role, userId);
            }
            repository.setRole(incident.number(), role, userId);
            // The timeline keeps people as mentions, which Slack, the pages and the summary each show as a name.
            String line = previous.map(p -> NameBook.mention(userId) + " took over as " + role.label() + " from "
                    + NameBook.mention(p)).orElse(NameBook.mention(userId) + " is the " + role.label());
            repository.addTimeline(incident.number(), new TimelineEntry(now(), actor, TimelineEntry.Kind.ROLE, line),
                    Optional.empty());
            auditor.record(IncidentEvents.ROLE_ASSIGNED, actor, Map.of("incident", incident.id(),
                    "role", role.label(), "user", userId, "previous", previous.orElse("")));
            return new IncidentResult.RoleAssigned(incident, role, userId, previous, actor);
        });
    }

    // ---- updates, severity, notes

    public IncidentResult update(Optional<String> id, String channelId, Optional<IncidentStatus> status, String text,
                                 String actor) {
        return withOpen(id, channelId, incident -> {
            IncidentStatus target = status.orElse(incident.status());
            if (!target.isOpen() || !incident.status().canMoveTo(target)) {
                return new IncidentResult.CannotMove(incident, incident.status(), target);
            }
            Instant now = now();
            repository.recordUpdate(incident.number(), target, now, nextReminder(incident.severity(), now));
            if (target != incident.status()) {
                repository.addTimeline(incident.number(), new TimelineEntry(now, actor, TimelineEntry.Kind.STATUS,
                        "Status " + incident.status().label() + " → " + target.label()), Optional.empty());
            }
            repository.addTimeline(incident.number(), new TimelineEntry(now, actor, TimelineEntry.Kind.UPDATE, text),
                    Optional.empty());
            auditor.record(IncidentEvents.UPDATED, actor, Map.of("incident", incident.id(), "status", target.label(),
                    "previousStatus", incident.status().label(), "text", text));
            // The update is told as this change left the incident: two updates sent back to back each show their
            // own status (a re-read at send time would show the later one twice).
            return new IncidentResult.Updated(incident.withStatus(target), text, actor);
        });
    }

    public IncidentResult changeSeverity(Optional<String> id, String channelId, Severity severity, String actor) {
        return withOpen(id, channelId, incident -> {
            Severity before = incident.severity();
            if (before == severity) {
                return new IncidentResult.SameSeverity(incident, severity);
            }
            if (freezeLifts.check(incident, Optional.of(severity), actor) instanceof FreezeLiftPolicy.Rejected no) {
                return new IncidentResult.NotAllowed(no);
            }
            repository.setSeverity(incident.number(), severity, nextReminder(severity, incident.lastHeardAt()));
            repository.addTimeline(incident.number(), new TimelineEntry(now(), actor, TimelineEntry.Kind.SEVERITY,
                    "Severity " + before.label() + " → " + severity.label()), Optional.empty());
            auditor.record(IncidentEvents.SEVERITY_CHANGED, actor, Map.of("incident", incident.id(),
                    "from", before.label(), "to", severity.label()));
            Incident changed = repository.find(incident.number()).orElse(incident);
            tell(changed, l -> l.severityChanged(changed, before));
            return new IncidentResult.SeverityChanged(incident, before, severity, actor);
        });
    }

    public IncidentResult note(Optional<String> id, String channelId, String text, String actor) {
        return withOpen(id, channelId, incident -> {
            repository.addTimeline(incident.number(), new TimelineEntry(now(), actor, TimelineEntry.Kind.NOTE, text),
                    Optional.empty());
            auditor.record(IncidentEvents.NOTE_ADDED, actor, Map.of("incident", incident.id(), "text", text));
            return new IncidentResult.Noted(incident);
        });
    }

    // ---- reading

    /** The incident a command means: the one named, or the one whose channel it was typed in. */
    public IncidentResult lookUp(Optional<String> id, String channelId) {
        if (id.isPresent()) {
            return Incident.numberOf(id.get()).flatMap(repository::find)
                    .<IncidentResult>map(IncidentResult.Found::new)
                    .orElseGet(() -> new IncidentResult.NoSuchIncident(id.get()));
        }
        return Optional.ofNullable(channelId).flatMap(repository::findByChannel)
                .<IncidentResult>map(IncidentResult.Found::new)
                .orElseGet(IncidentResult.NotAnIncidentChannel::new);
    }

    public Optional<Incident> find(long number) {
        return repository.find(number);
    }

    public List<Incident> open() {
        return repository.open();
    }

    public List<TimelineEntry> timeline(long number) {
        return repository.timeline(number);
    }

    private IncidentResult withOpen(Optional<String> id, String channelId,
                                    Function<Incident, IncidentResult> change) {
        IncidentResult found = lookUp(id, channelId);
        if (found instanceof IncidentResult.Found f) {
            return f.incident().isOpen() ? change.apply(f.incident()) : new IncidentResult.IsResolved(f.incident());
        }
        return found;
    }

    private Optional<Instant> nextReminder(Severity severity, Instant from) {
        return config.incidents().updateEvery(severity).map(from::plus);
    }

    // PostgreSQL keeps microseconds: truncating keeps what we compare equal to what we read back.
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
