package dev.flightdeck.incident.followup;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.people.NameBook;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.wake.Wakeups;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * The follow-up use cases: add one to an incident (open or resolved), close it (done or won't do, with who and why),
 * snooze it a week, list them. Each change is stored with a compare-and-set, then put on the incident's timeline and
 * the audit trail, before it returns. A follow-up typed without a due date is due {@value #DEFAULT_DUE_DAYS} days
 * after it was made, so every follow-up has a day its owner is reminded on.
 */
@Singleton
public class FollowUps {

    public static final int DEFAULT_DUE_DAYS = 14;
    public static final String REMIND_TOPIC = "follow-up-remind";
    public static final String EXPORT_TOPIC = "follow-up-export";
    static final int LIST_LIMIT = 50;

    private final FollowUpStore store;
    private final IncidentService incidents;
    private final IncidentRepository repository;
    private final Auditor auditor;
    private final Clock clock;
    private final TeamConfig team;
    private final Wakeups wakeups;
    private final FollowUpNews news;

    public FollowUps(FollowUpStore store, IncidentService incidents, IncidentRepository repository, Auditor auditor,
                     Clock clock, TeamConfig team, Wakeups wakeups, FollowUpNews news) {
        this.store = store;
        this.incidents = incidents;
        this.repository = repository;
        this.auditor = auditor;
        this.clock = clock;
        this.team = team;
        this.wakeups = wakeups;
        this.news = news;
    }

    /**
     * Adds a follow-up to the incident named by {@code incidentId}, or the one whose channel {@code channelId} is.
     * {@code owner} defaults to {@code actor}; {@code due} to {@value #DEFAULT_DUE_DAYS} days from today (UTC).
     */
    public FollowUpResult add(Optional<String> incidentId, String channelId, String text, Optional<String> link,
                              Optional<String> owner, Optional<LocalDate> due, String actor) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new FollowUpResult.NoText();
        }
        if (t.length() > FollowUp.MAX_TEXT) {
            return new FollowUpResult.TooLong(t.length());
        }
        Instant now = now();
        LocalDate today = today(now);
        if (due.isPresent() && due.get().isBefore(today)) {
            return new FollowUpResult.PastDue(due.get(), today);
        }
        IncidentResult found = incidents.lookUp(incidentId, channelId);
        if (!(found instanceof IncidentResult.Found f)) {
            return new FollowUpResult.NoIncident((IncidentResult.Refused) found);
        }
        Incident incident = f.incident();
        LocalDate dueDay = due.orElse(today.plusDays(DEFAULT_DUE_DAYS));
        String who = owner.orElse(actor);
        FollowUp.Export export = team.incidents().followUps().isPresent() ? FollowUp.Export.pending(now)
                : FollowUp.Export.none();
        FollowUp added = store.add(new FollowUpStore.NewFollowUp(incident.number(), t, link, who, actor, now, dueDay,
                FollowUpTransitions.firstReminder(dueDay), export));
        repository.addTimeline(incident.number(), new TimelineEntry(now, actor, TimelineEntry.Kind.FOLLOW_UP,
                "Follow-up #" + added.id() + " for " + NameBook.mention(who) + ", due " + dueDay + ": " + t),
                Optional.empty());
        auditor.record(FollowUpEvents.ADDED, actor, Map.of("incident", incident.id(), "followUp", added.id(),
                "owner", who, "due", dueDay.toString(), "text", t));
        added.nextRemindAt().ifPresent(at -> wakeups.dueBy(REMIND_TOPIC, at));
        added.export().nextAt().ifPresent(at -> wakeups.dueBy(EXPORT_TOPIC, at));
        return new FollowUpResult.Added(added, incident);
    }

    /** Closes it as done or won't do; {@code why} may be empty for done. */
    public FollowUpResult close(long id, FollowUpState to, String actor, String why) {
        Optional<FollowUp> found = store.find(id);
        if (found.isEmpty()) {
            return new FollowUpResult.NoSuchFollowUp(id);
        }
        Instant now = now();
        Optional<FollowUp> moved = FollowUpTransitions.closed(found.get(), to, actor, why, now);
        Optional<FollowUp> stored = moved.flatMap(store::update);
        if (stored.isEmpty()) {
            return new FollowUpResult.AlreadyClosed(store.find(id).orElse(found.get()));
        }
        FollowUp f = stored.get();
        String reason = why == null || why.isBlank() ? "" : ": " + why;
        repository.addTimeline(f.incidentNumber(), new TimelineEntry(now, actor, TimelineEntry.Kind.FOLLOW_UP,
                "Follow-up #" + f.id() + " " + to.label() + reason), Optional.empty());
        auditor.record(FollowUpEvents.CLOSED, actor, Map.of("incident", f.incidentId(), "followUp", f.id(),
                "state", to.label(), "why", why == null ? "" : why));
        Incident incident = incidents.find(f.incidentNumber()).orElseThrow();
        news.changed(incident);
        return new FollowUpResult.Closed(f, incident);
    }

    /** Closed because its issue was closed in the tracker ({@code key} as exported); false when nothing changed. */
    public boolean closedInTracker(String key, FollowUpState as, String by, String why) {
        Optional<FollowUp> f = store.byExportKey(key);
        return f.isPresent() && f.get().isOpen()
                && close(f.get().id(), as, by, why) instanceof FollowUpResult.Closed;
    }

    /** Due a week from today, reminded that day; the state is unchanged. */
    public FollowUpResult snooze(long id, String actor) {
        Optional<FollowUp> found = store.find(id);
        if (found.isEmpty()) {
            return new FollowUpResult.NoSuchFollowUp(id);
        }
        if (!found.get().isOpen()) {
            return new FollowUpResult.AlreadyClosed(found.get());
        }
        Optional<FollowUp> stored = store.update(FollowUpTransitions.snoozed(found.get(), today(now())));
        if (stored.isEmpty()) {
            return new FollowUpResult.AlreadyClosed(store.find(id).orElse(found.get()));
        }
        FollowUp f = stored.get();
        auditor.record(FollowUpEvents.SNOOZED, actor, Map.of("incident", f.incidentId(), "followUp", f.id(),
                "due", f.due().toString()));
        f.nextRemindAt().ifPresent(at -> wakeups.dueBy(REMIND_TOPIC, at));
        incidents.find(f.incidentNumber()).ifPresent(news::changed);
        return new FollowUpResult.Snoozed(f);
    }

    /** Open ones of {@code owner} (or everyone's), or every state when {@code all}. */
    public FollowUpResult.Listed list(Optional<String> owner, boolean all) {
        return new FollowUpResult.Listed(all ? store.all(owner, LIST_LIMIT) : store.open(owner, LIST_LIMIT), owner, all);
    }

    public java.util.List<FollowUp> ofIncident(long number) {
        return store.ofIncident(number);
    }

    public LocalDate today() {
        return today(now());
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
