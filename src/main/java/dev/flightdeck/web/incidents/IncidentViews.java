package dev.flightdeck.web.incidents;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.incident.summary.IncidentSummary;
import dev.flightdeck.people.NameBook;
import dev.flightdeck.web.PageTimes;

import java.time.Instant;
import java.util.List;

/** What the incident templates show: text ready to print, computed once here, people by name (see {@link NameBook}). */
public final class IncidentViews {

    private IncidentViews() {
    }

    public record Row(long number, String id, String title, String severity, String status, String started,
                      String duration, String commander) {
    }

    public record Part(String heading, String text, boolean written) {
    }

    public record Line(String time, String kind, String author, String text) {
    }

    public record Page(long number, String id, String title, String severity, String status, String start, String end,
                       String duration, String firstUpdate, String commander, String communicator, String channel,
                       List<Part> parts, List<Line> timeline) {
    }

    public static Row row(Incident i, Instant now, NameBook names) {
        Instant end = i.resolvedAt().orElse(now);
        return new Row(i.number(), i.id(), i.title(), i.severity().label(), i.status().label(), PageTimes.time(i.startedAt()),
                PageTimes.between(i.startedAt(), end) + (i.isOpen() ? " so far" : ""), names.of(i.commanderId()));
    }

    public static Page page(Incident incident, IncidentSummary s, NameBook names) {
        List<Part> parts = List.of(
                part(IncidentSummary.SUMMARY, names.inText(s.summary())),
                part(IncidentSummary.AFFECTED, names.inText(s.affected())),
                part(IncidentSummary.WHAT_HAPPENED, names.inText(s.whatHappened())),
                part(IncidentSummary.PREVENTION, names.inText(s.prevention())));
        List<Line> lines = s.timeline().stream().map(e -> line(e, names)).toList();
        return new Page(incident.number(), s.incidentId(), s.title(), s.severity().label(), s.status(),
                PageTimes.time(s.start()), s.end().map(PageTimes::time).orElse("still open"),
                s.duration().map(IncidentSummary::human).orElse("still open"),
                s.timeToFirstUpdate().map(IncidentSummary::human).orElse("no update posted"),
                names.of(s.commanderId()), s.communicatorId().map(names::of).orElse("none named"),
                incident.channelName().map(n -> "#" + n).orElse("—"), parts, lines);
    }

    private static Part part(String heading, String text) {
        boolean written = text != null && !text.isBlank();
        return new Part(heading, written ? text.strip() : "Not written yet.", written);
    }

    private static Line line(TimelineEntry e, NameBook names) {
        return new Line(PageTimes.time(e.at()), e.kind().label(), names.of(e.author()), names.inText(e.text()));
    }
}
