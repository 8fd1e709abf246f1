package dev.flightdeck.incident.summary;

import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.people.NameBook;

/**
 * The summary as Markdown, for export: read outside Slack, so people are written by name ({@link NameBook}), never
 * as the {@code <@U…>} ids Slack would have rendered.
 */
public final class MarkdownSummary {

    private MarkdownSummary() {
    }

    public static String render(IncidentSummary s, NameBook names) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(s.incidentId()).append(": ").append(escape(s.title())).append("\n\n");
        md.append("- **Severity:** ").append(s.severity().label()).append('\n');
        md.append("- **Status:** ").append(s.status()).append('\n');
        md.append("- **Start:** ").append(SummaryBuilder.time(s.start())).append('\n');
        md.append("- **End:** ").append(s.end().map(SummaryBuilder::time).orElse("still open")).append('\n');
        md.append("- **Duration:** ").append(s.duration().map(IncidentSummary::human).orElse("still open")).append('\n');
        md.append("- **Time to first update:** ")
                .append(s.timeToFirstUpdate().map(IncidentSummary::human).orElse("no update posted")).append('\n');
        md.append("- **Commander:** ").append(escape(names.of(s.commanderId()))).append('\n');
        md.append("- **Communicator:** ").append(s.communicatorId().map(c -> escape(names.of(c))).orElse("none named")).append("\n\n");
        part(md, IncidentSummary.SUMMARY, names.inText(s.summary()));
        part(md, IncidentSummary.AFFECTED, names.inText(s.affected()));
        part(md, IncidentSummary.WHAT_HAPPENED, names.inText(s.whatHappened()));
        part(md, IncidentSummary.PREVENTION, names.inText(s.prevention()));
        md.append("## Timeline\n\n");
        for (TimelineEntry e : s.timeline()) {
            md.append("- ").append(SummaryBuilder.time(e.at())).append(" — ").append(e.kind().label())
                    .append(" (").append(escape(names.of(e.author()))).append("): ").append(escape(names.inText(e.text()))).append('\n');
        }
        return md.toString();
    }

    private static void part(StringBuilder md, String heading, String text) {
        md.append("## ").append(heading).append("\n\n")
                .append(text == null || text.isBlank() ? "_Not written yet._" : text.strip()).append("\n\n");
    }

    /** Keeps people's text from turning into headings or links it did not mean to be. */
    private static String escape(String text) {
        return text.replace("\n", " ").replaceAll("([\\\\`*_\\[\\]#<>])", "\\\\$1");
    }
}
