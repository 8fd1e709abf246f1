package dev.flightdeck.slack.incident;

import com.slack.api.model.block.LayoutBlock;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.incident.summary.IncidentSummary;
import dev.flightdeck.slack.blocks.SlackTime;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.Texts;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/** The generated summary as a Slack message. */
public final class SummaryBlocks {

    private static final int SECTION_MAX = 2900; // Slack section text is limited to 3000 characters
    private static final int TIMELINE_MAX = 40;

    private SummaryBlocks() {
    }

    public static String text(IncidentSummary s) {
        return "Summary of " + s.incidentId() + ": " + Mrkdwn.escape(s.title());
    }

    /** @param pageUrl the incident's web page, where managers read it in full and download the Markdown */
    public static List<LayoutBlock> blocks(IncidentSummary s, String pageUrl) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Texts.cut("Summary of " + s.incidentId() + ": " + s.title(), 150)))));
        blocks.add(context(c -> c.elements(List.of(markdownText("<" + pageUrl + "|Open the summary page> (timeline, Markdown download)")))));
        blocks.add(section(x -> x.fields(List.of(
                markdownText("*Severity*\n" + s.severity().label()),
                markdownText("*Status*\n" + s.status()),
                markdownText("*Start*\n" + SlackTime.of(s.start())),
                markdownText("*End*\n" + s.end().map(SlackTime::of).orElse("still open")),
                markdownText("*Duration*\n" + s.duration().map(IncidentSummary::human).orElse("still open")),
                markdownText("*Time to first update*\n"
                        + s.timeToFirstUpdate().map(IncidentSummary::human).orElse("no update posted")),
                markdownText("*Commander*\n<@" + s.commanderId() + ">"),
                markdownText("*Communicator*\n" + s.communicatorId().map(c -> "<@" + c + ">").orElse("none named"))))));
        part(blocks, IncidentSummary.SUMMARY, s.summary());
        part(blocks, IncidentSummary.AFFECTED, s.affected());
        part(blocks, IncidentSummary.WHAT_HAPPENED, s.whatHappened());
        part(blocks, IncidentSummary.PREVENTION, s.prevention());
        blocks.add(divider());
        StringBuilder timeline = new StringBuilder("*Timeline*\n");
        List<TimelineEntry> entries = s.timeline();
        for (TimelineEntry e : entries.subList(0, Math.min(entries.size(), TIMELINE_MAX))) {
            timeline.append("• ").append(SlackTime.of(e.at())).append(" ").append(e.kind().label()).append(" <@")
                    .append(e.author()).append(">: ").append(Mrkdwn.escape(e.text().replace('\n', ' '))).append('\n');
        }
        if (entries.size() > TIMELINE_MAX) {
            timeline.append("… and ").append(entries.size() - TIMELINE_MAX).append(" more entries.");
        }
        blocks.add(section(x -> x.text(markdownText(Texts.cut(timeline.toString(), SECTION_MAX)))));
        return blocks;
    }

    private static void part(List<LayoutBlock> blocks, String heading, String text) {
        String body = text == null || text.isBlank() ? "_Not written yet._" : Mrkdwn.escape(text.strip());
        blocks.add(section(x -> x.text(markdownText(Texts.cut("*" + heading + "*\n" + body, SECTION_MAX)))));
    }
}
