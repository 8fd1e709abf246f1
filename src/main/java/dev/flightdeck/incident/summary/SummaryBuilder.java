package dev.flightdeck.incident.summary;

import dev.flightdeck.text.UtcTime;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.people.NameBook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds the summary from the record, and the resolve form's first draft of the four parts. */
public final class SummaryBuilder {

    private static final int MAX_DRAFT = 2900; // Slack plain_text_input values are limited to 3000 characters

    private SummaryBuilder() {
    }

    public static IncidentSummary build(Incident incident, List<TimelineEntry> timeline) {
        Optional<Duration> duration = incident.resolvedAt().map(end -> Duration.between(incident.startedAt(), end));
        Optional<Duration> firstUpdate = incident.firstUpdateAt().map(u -> Duration.between(incident.startedAt(), u));
        Incident.SummaryText parts = incident.summary()
                .orElse(new Incident.SummaryText("", "", "", ""));
        return new IncidentSummary(incident.id(), incident.title(), incident.severity(), incident.status().label(),
                incident.startedAt(), incident.resolvedAt(), duration, firstUpdate, incident.commanderId(),
                incident.communicatorId(), parts.summary(), parts.affected(), parts.whatHappened(),
                parts.prevention(), timeline);
    }

    /**
     * The resolve form's pre-filled parts: the summary and who was affected from the updates (the latest update
     * first, since it is the most complete), what happened from the timeline; prevention is left to people.
     */
    public static Incident.SummaryText draft(Incident incident, List<TimelineEntry> timeline) {
        return draft(incident, timeline, NameBook.empty());
    }

    /**
     * The draft with people's mentions written as names: the resolve form's fields are plain-text inputs, where
     * Slack shows a {@code <@U…>} exactly as stored, and the parts end up on the web page and in the Markdown.
     */
    public static Incident.SummaryText draft(Incident incident, List<TimelineEntry> timeline, NameBook names) {
        List<TimelineEntry> updates = timeline.stream().filter(e -> e.kind() == TimelineEntry.Kind.UPDATE).toList();
        String latest = updates.isEmpty() ? "" : names.inText(updates.get(updates.size() - 1).text());
        String summary = incident.title() + (latest.isEmpty() ? "" : ". " + latest);
        String affected = updates.stream().map(e -> names.inText(e.text())).collect(Collectors.joining("\n"));
        String happened = timeline.stream()
                .map(e -> UtcTime.format(e.at()) + " " + names.inText(e.text()))
                .collect(Collectors.joining("\n"));
        return new Incident.SummaryText(cut(summary), cut(affected), cut(happened), "");
    }

    /** Cut to what a resolve form's input holds. */
    public static String cutDraft(String s) {
        return cut(s);
    }

    private static String cut(String s) {
        return s.length() <= MAX_DRAFT ? s : s.substring(0, MAX_DRAFT - 1) + "…";
    }

    public static String time(java.time.Instant at) {
        return UtcTime.format(at);
    }
}
