package dev.flightdeck.incident.access;

import dev.flightdeck.audit.AuditType;
import dev.flightdeck.audit.Auditor;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.people.NameBook;
import dev.flightdeck.text.Durations;
import dev.flightdeck.text.UtcTime;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each move of a break-glass request, once: on the incident's timeline, on the audit trail and told to the channel.
 * Keyed by request and state, so a job redone after a crash, or a second replica, records nothing twice.
 */
@Singleton
public class AccessRecord {

    private final IncidentRepository incidents;
    private final Auditor auditor;
    private final AccessNews news;
    private final Clock clock;

    public AccessRecord(IncidentRepository incidents, Auditor auditor, AccessNews news, Clock clock) {
        this.incidents = incidents;
        this.auditor = auditor;
        this.news = news;
        this.clock = clock;
    }

    /** {@code g} has just moved to its state; {@code actor}: who moved it (a user, or "flightdeck"). */
    public void moved(AccessGrant g, String actor) {
        Optional<Incident> incident = incidents.find(g.incident());
        // Revoking is a step on the way to REVOKED, which is what the timeline and the trail keep.
        if (incident.isEmpty() || g.state() == AccessState.REVOKING) {
            return;
        }
        String key = "access:" + g.id() + ":" + g.state().label();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        incidents.addTimeline(g.incident(), new TimelineEntry(now, actor, TimelineEntry.Kind.ACCESS, line(g)),
                Optional.of(key));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("incident", Incident.idOf(g.incident()));
        payload.put("request", g.id());
        payload.put("requester", g.requester());
        payload.put("permissionSet", g.permissionSet());
        payload.put("permissionSetArn", g.permissionSetArn());
        payload.put("account", g.account());
        payload.put("duration", Durations.format(g.duration()));
        g.expiresAt().ifPresent(at -> payload.put("expiresAt", at.toString()));
        g.endReason().ifPresent(why -> payload.put("why", why.name().toLowerCase(java.util.Locale.ROOT)));
        if (g.state() == AccessState.REQUESTED) {
            payload.put("reason", g.reason());
        }
        auditor.recordOnce(type(g.state()), actor, key, payload);
        if (g.state() != AccessState.REQUESTED) {
            news.changed(g, incident.get());
        }
    }

    private static AuditType type(AccessState s) {
        return switch (s) {
            case REQUESTED -> AccessEvents.REQUESTED;
            case GRANTING -> AccessEvents.GRANT_APPROVED;
            case ACTIVE -> AccessEvents.GRANTED;
            case DENIED -> AccessEvents.DENIED;
            case REVOKING, REVOKED -> AccessEvents.REVOKED;
            case FAILED -> AccessEvents.FAILED;
            case LAPSED -> AccessEvents.LAPSED;
        };
    }

    /** The timeline's words; people as stored mentions, which Slack, the pages and the summary show as names. */
    static String line(AccessGrant g) {
        String who = NameBook.mention(g.requester());
        String set = g.permissionSet() + " access to account " + g.account();
        return switch (g.state()) {
            case REQUESTED -> who + " asked for " + set + " for " + Durations.format(g.duration()) + ": " + g.reason();
            case GRANTING -> NameBook.mention(g.decidedBy().orElse("flightdeck")) + " approved " + who + "'s " + set;
            case DENIED -> NameBook.mention(g.decidedBy().orElse("flightdeck")) + " denied " + who + "'s " + set;
            case ACTIVE -> "Break-glass: " + set + " granted to " + who + " until "
                    + UtcTime.format(g.expiresAt().orElseThrow());
            case REVOKING -> "Break-glass: revoking " + set + " of " + who + " (" + why(g) + ")";
            case REVOKED -> "Break-glass: " + set + " of " + who + " revoked (" + why(g) + ")";
            case FAILED -> "Break-glass: " + set + " could not be granted to " + who + " (" + why(g) + ")";
            case LAPSED -> "Break-glass: " + who + "'s request for " + set + " lapsed (" + why(g) + ")";
        };
    }

    static String why(AccessGrant g) {
        return switch (g.endReason().orElse(AccessGrant.End.EXPIRED)) {
            case EXPIRED -> "expired after " + Durations.format(g.duration());
            case RESOLVED -> "the incident was resolved";
            case DENIED -> "denied";
            case NO_USER -> "no Identity Center user found for the requester";
            case AWS_FAILED -> "Identity Center refused: " + g.lastError().orElse("no reason given");
            case GAVE_UP -> "Identity Center did not answer; any partial assignment is removed";
            case NOT_DECIDED -> "nobody decided in time";
        };
    }
}
