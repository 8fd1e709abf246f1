package dev.flightdeck.incident.paging;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.wake.Wakeups;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Paging an incident's on-call targets. A page is stored before anything is sent (its trigger owed), and the
 * {@link PageSender} sends it from the database: a crash, a pager outage or a second replica loses or doubles
 * nothing. {@code /incident page} pages one target; {@code page-on} pages every target when an incident is declared
 * at (or raised to) that severity ({@link PagingLifecycle}); resolving the incident owes each live page its resolve.
 */
@Singleton
@Requires(beans = PageStore.class)
public class Paging {

    private final PageStore store;
    private final IncidentRepository incidents;
    private final TeamConfig team;
    private final Auditor auditor;
    private final Wakeups wakeups;
    private final Clock clock;

    public Paging(PageStore store, IncidentRepository incidents, TeamConfig team, Auditor auditor, Wakeups wakeups,
                  Clock clock) {
        this.store = store;
        this.incidents = incidents;
        this.team = team;
        this.auditor = auditor;
        this.wakeups = wakeups;
        this.clock = clock;
    }

    /** {@code /incident page <target> [-- message]} by {@code actor}, about the incident named or this channel's. */
    public PageResult page(Optional<String> id, String channelId, String targetName, Optional<String> message,
                           String actor) {
        Optional<OncallTarget> target = team.incidents().oncallTarget(targetName);
        if (target.isEmpty()) {
            return new PageResult.UnknownTarget(targetName, List.copyOf(team.incidents().oncall().keySet()));
        }
        // The incident a command means, as IncidentService.lookUp reads it (not called: the service tells this class's
        // lifecycle listener, and a bean may not need what needs it).
        Optional<Incident> found = id.isPresent() ? Incident.numberOf(id.get()).flatMap(incidents::find)
                : Optional.ofNullable(channelId).flatMap(incidents::findByChannel);
        if (found.isEmpty()) {
            return new PageResult.NoIncident(id.<IncidentResult.Refused>map(IncidentResult.NoSuchIncident::new)
                    .orElseGet(IncidentResult.NotAnIncidentChannel::new));
        }
        Incident incident = found.get();
        if (!incident.isOpen()) {
            return new PageResult.NoIncident(new IncidentResult.IsResolved(incident));
        }
        OncallTarget t = target.get();
        Instant now = now();
        Optional<Page> fresh = store.insert(new Page.New(incident.number(), t.name(), message, actor, now));
        Page page;
        if (fresh.isPresent()) {
            page = fresh.get();
        } else {
            Page existing = store.find(incident.number(), t.name()).orElseThrow();
            // A page the pager refused may be tried again once the team fixed what it said; a live one is not re-sent.
            Optional<Page> rearmed = PageTransitions.enter(existing, PageTransitions.Event.REARM, now, Optional.empty())
                    .flatMap(after -> store.move(existing, after));
            if (rearmed.isEmpty()) {
                return new PageResult.AlreadyPaged(incident, existing, t);
            }
            page = rearmed.get();
        }
        requested(incident, page, actor, "command");
        return new PageResult.Queued(incident, page, t);
    }

    /** Pages every target of the team file for {@code incident} ({@code page-on}); targets already paged are not. */
    public List<Page> pageEveryTarget(Incident incident) {
        List<Page> queued = new java.util.ArrayList<>();
        for (OncallTarget t : team.incidents().oncall().values()) {
            store.insert(new Page.New(incident.number(), t.name(), Optional.empty(), Page.FLIGHTDECK, now()))
                    .ifPresent(p -> {
                        requested(incident, p, Page.FLIGHTDECK, "page-on " + team.incidents().pageOn()
                                .map(s -> s.label()).orElse(""));
                        queued.add(p);
                    });
        }
        return queued;
    }

    /** The incident resolved: each live page owes its resolve (a page never tried is cancelled instead). */
    public int resolveAll(long incidentNumber) {
        int moved = 0;
        for (Page p : store.ofIncident(incidentNumber)) {
            Optional<Page> after = PageTransitions.enter(p, PageTransitions.Event.RESOLVE, now(), Optional.empty());
            if (after.isPresent() && store.move(p, after.get()).isPresent()) {
                moved++;
                after.get().nextAttemptAt().ifPresent(at -> wakeups.dueBy(PageSender.TOPIC, at));
            }
        }
        return moved;
    }

    public List<Page> pagesOf(long incidentNumber) {
        return store.ofIncident(incidentNumber);
    }

    private void requested(Incident incident, Page page, String actor, String why) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("incident", incident.id());
        payload.put("target", page.target());
        payload.put("dedupKey", page.dedupKey());
        payload.put("why", why);
        page.message().ifPresent(m -> payload.put("message", m));
        auditor.record(PagingEvents.PAGE_REQUESTED, actor, payload);
        wakeups.dueBy(PageSender.TOPIC, page.nextAttemptAt().orElse(clock.instant()));
    }

    // PostgreSQL keeps microseconds: what we compare stays equal to what we read back.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
