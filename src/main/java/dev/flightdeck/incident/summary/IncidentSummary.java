package dev.flightdeck.incident.summary;

import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.people.NameBook;
import dev.flightdeck.people.PersonNames;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The generated summary of an incident: the four parts people wrote at resolve time, and what the record says
 * (severity, start, end, durations, roles, timeline). An open incident's summary has no end and empty parts.
 */
public record IncidentSummary(String incidentId,
                              String title,
                              Severity severity,
                              String status,
                              Instant start,
                              Optional<Instant> end,
                              Optional<Duration> duration,
                              Optional<Duration> timeToFirstUpdate,
                              String commanderId,
                              Optional<String> communicatorId,
                              String summary,
                              String affected,
                              String whatHappened,
                              String prevention,
                              List<TimelineEntry> timeline) {

    public static final String SUMMARY = "Summary";
    public static final String AFFECTED = "Who was affected?";
    public static final String WHAT_HAPPENED = "What happened?";
    public static final String PREVENTION = "What we're doing to make sure it doesn't happen again?";

    public IncidentSummary {
        timeline = List.copyOf(timeline);
    }

    /** The names of everyone this summary shows: the roles, the timeline's authors and anyone mentioned in its text. */
    public NameBook names(PersonNames people) {
        List<String> ids = Stream.concat(Stream.concat(Stream.of(commanderId), communicatorId.stream()),
                timeline.stream().map(TimelineEntry::author)).toList();
        List<String> texts = Stream.concat(Stream.of(summary, affected, whatHappened, prevention),
                timeline.stream().map(TimelineEntry::text)).filter(java.util.Objects::nonNull).toList();
        return people.book(ids, texts);
    }

    /** "1h 05m", "12m", "45s": how people read durations in a report. */
    public static String human(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h " + String.format("%02dm", minutes);
        }
        if (hours > 0) {
            return hours + "h " + String.format("%02dm", minutes);
        }
        if (minutes > 0) {
            return minutes + "m";
        }
        return seconds % 60 + "s";
    }
}
