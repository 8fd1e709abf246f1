package dev.flightdeck.incident.status;

import dev.flightdeck.audit.AuditType;
import dev.flightdeck.audit.Auditor;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.IncidentStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Publishing on the status page: an update made public ({@code /incident update --public}, the update form's box) and
 * the summary the commander publishes at resolve. Who may: an update, the commander or the communicator (the people
 * who speak for the incident); the summary, the commander. What: text naming no person or channel
 * ({@link PublicText}). Every refusal comes before anything is stored, so a refused publish posts nothing either.
 */
@Singleton
public class StatusPublishing {

    public static final AuditType PUBLISHED = new AuditType("incident.published", 1);

    private final IncidentService incidents;
    private final PublicUpdates store;
    private final Auditor auditor;
    private final Clock clock;

    public StatusPublishing(IncidentService incidents, PublicUpdates store, Auditor auditor, Clock clock) {
        this.incidents = incidents;
        this.store = store;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** An update, posted as {@link IncidentService#update} posts it, and published. */
    public PublishResult update(Optional<String> id, String channelId, Optional<IncidentStatus> status, String text,
                                String actor) {
        IncidentResult found = incidents.lookUp(id, channelId);
        if (found instanceof IncidentResult.Found f && f.incident().isOpen()) {
            Incident incident = f.incident();
            if (!speaksFor(incident, actor)) {
                return new PublishResult.NotTheirs(incident, actor);
            }
            Optional<String> word = PublicText.privateWord(text, incident);
            if (word.isPresent()) {
                return new PublishResult.PrivateWord(incident, word.get());
            }
        }
        IncidentResult result = incidents.update(id, channelId, status, text, actor);
        if (!(result instanceof IncidentResult.Updated updated)) {
            return new PublishResult.UpdateRefused(result);
        }
        Incident after = updated.incident();
        PublicUpdate published = store.add(new PublicUpdate.New(after.number(), PublicUpdate.Kind.UPDATE,
                after.status(), text.strip(), now())).orElseThrow();
        audit(after, PublicUpdate.Kind.UPDATE, actor, published);
        return new PublishResult.Published(updated, published);
    }

    /** Why {@code actor} may not publish these parts as the summary of {@code incident}; empty when they may. */
    public Optional<PublishResult> summaryRefusal(Incident incident, Incident.SummaryText parts, String actor) {
        if (!incident.commanderId().equals(actor)) {
            return Optional.of(new PublishResult.NotTheirs(incident, actor));
        }
        return PublicText.privateWord(summaryBody(parts), incident)
                .map(word -> new PublishResult.PrivateWord(incident, word));
    }

    /**
     * After the resolve went through: the summary published, once. Checked again here (the form's check ran before
     * the resolve); false when refused or already published.
     */
    public boolean publishSummary(Incident resolved, Incident.SummaryText parts, String actor) {
        if (summaryRefusal(resolved, parts, actor).isPresent() || summaryBody(parts).isBlank()) {
            return false;
        }
        Optional<PublicUpdate> published = store.add(new PublicUpdate.New(resolved.number(),
                PublicUpdate.Kind.SUMMARY, IncidentStatus.RESOLVED, summaryBody(parts), now()));
        published.ifPresent(p -> audit(resolved, PublicUpdate.Kind.SUMMARY, actor, p));
        return published.isPresent();
    }

    /** Only the commander and the communicator speak for an incident in public. */
    public static boolean speaksFor(Incident incident, String actor) {
        return incident.commanderId().equals(actor) || incident.communicatorId().map(actor::equals).orElse(false);
    }

    /** The four parts as one text, each under its heading; parts left empty are left out. */
    public static String summaryBody(Incident.SummaryText parts) {
        Map<String, String> byHeading = new LinkedHashMap<>();
        byHeading.put(dev.flightdeck.incident.summary.IncidentSummary.SUMMARY, parts.summary());
        byHeading.put(dev.flightdeck.incident.summary.IncidentSummary.AFFECTED, parts.affected());
        byHeading.put(dev.flightdeck.incident.summary.IncidentSummary.WHAT_HAPPENED, parts.whatHappened());
        byHeading.put(dev.flightdeck.incident.summary.IncidentSummary.PREVENTION, parts.prevention());
        StringBuilder out = new StringBuilder();
        byHeading.forEach((heading, text) -> {
            if (text != null && !text.isBlank()) {
                out.append(out.isEmpty() ? "" : "\n\n").append(heading).append('\n').append(text.strip());
            }
        });
        return out.toString();
    }

    private void audit(Incident incident, PublicUpdate.Kind kind, String actor, PublicUpdate published) {
        auditor.record(PUBLISHED, actor, Map.of("incident", incident.id(), "kind", kind.name().toLowerCase(
                java.util.Locale.ROOT), "publicUpdate", published.id(), "status", published.status().label(),
                "text", published.body()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
