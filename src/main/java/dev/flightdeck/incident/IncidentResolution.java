package dev.flightdeck.incident;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.incident.summary.IncidentSummary;
import dev.flightdeck.incident.summary.SummaryBuilder;
import dev.flightdeck.people.PersonNames;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolving an incident and its generated summary. */
@Singleton
public class IncidentResolution {

    private final IncidentService incidents;
    private final IncidentRepository repository;
    private final Auditor auditor;
    private final FreezeLiftPolicy freezeLifts;
    private final PersonNames people;
    private List<PreventionDraft> preventions = List.of();

    public IncidentResolution(IncidentService incidents, IncidentRepository repository, Auditor auditor, FreezeLiftPolicy freezeLifts, PersonNames people) {
        this.incidents = incidents;
        this.repository = repository;
        this.auditor = auditor;
        this.freezeLifts = freezeLifts;
        this.people = people;
    }

    /** Whether {@code actor} may resolve it: resolving lifts every deploy freeze the incident holds. */
    public FreezeLiftPolicy.Decision mayResolve(Incident incident, String actor) {
        return freezeLifts.check(incident, Optional.empty(), actor);
    }

    /** The resolve form's first draft, from the record, with people named (see {@link SummaryBuilder#draft}). */
    public Incident.SummaryText draft(Incident incident) {
        List<TimelineEntry> timeline = repository.timeline(incident.number());
        String prevention = preventions.stream().map(p -> p.prevention(incident)).filter(t -> !t.isBlank())
                .collect(java.util.stream.Collectors.joining("\n"));
        List<String> texts = new java.util.ArrayList<>(timeline.stream().map(TimelineEntry::text).toList());
        texts.add(prevention);
        dev.flightdeck.people.NameBook names = people.book(List.of(), texts);
        Incident.SummaryText draft = SummaryBuilder.draft(incident, timeline, names);
        return prevention.isEmpty() ? draft : new Incident.SummaryText(draft.summary(), draft.affected(),
                draft.whatHappened(), SummaryBuilder.cutDraft(names.inText(prevention)));
    }

    /** The contributors to the fourth part's draft (the follow-ups); none in plain tests. */
    @jakarta.inject.Inject
    void preventions(List<PreventionDraft> preventions) {
        this.preventions = List.copyOf(preventions);
    }

    public IncidentSummary summary(Incident incident) {
        return SummaryBuilder.build(incident, repository.timeline(incident.number()));
    }

    /** Resolves it; the Slack feature posts the summary and shows the resolution after its ack. */
    public IncidentResult resolve(long number, Incident.SummaryText parts, String actor) {
        Optional<Incident> found = repository.find(number);
        if (found.isEmpty()) {
            return new IncidentResult.FormForNoIncident(Incident.idOf(number));
        }
        Incident incident = found.get();
        if (incident.isOpen() && mayResolve(incident, actor) instanceof FreezeLiftPolicy.Rejected no) {
            return new IncidentResult.NotAllowed(no);
        }
        Instant now = incidents.now();
        if (!incident.isOpen() || !incident.status().canMoveTo(IncidentStatus.RESOLVED)
                || !repository.resolve(number, now, parts)) {
            return new IncidentResult.AlreadyResolved(incident);
        }
        Duration took = Duration.between(incident.startedAt(), now);
        repository.addTimeline(number, new TimelineEntry(now, actor, TimelineEntry.Kind.RESOLVED,
                "Resolved after " + IncidentSummary.human(took)), Optional.empty());
        auditor.record(IncidentEvents.RESOLVED, actor, Map.of("incident", incident.id(),
                "durationSeconds", took.getSeconds(), "severity", incident.severity().label()));
        Incident resolved = repository.find(number).orElse(incident);
        incidents.tell(resolved, l -> l.resolved(resolved));
        return new IncidentResult.Resolved(incident, took);
    }
}
