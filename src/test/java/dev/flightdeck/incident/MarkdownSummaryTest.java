package dev.flightdeck.incident;

import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.summary.IncidentSummary;
import dev.flightdeck.incident.summary.MarkdownSummary;
import dev.flightdeck.incident.summary.SummaryBuilder;
import dev.flightdeck.people.NameBook;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownSummaryTest {

    final Instant start = Instant.parse("2026-11-24T10:00:00Z");
    final List<TimelineEntry> timeline = List.of(
            new TimelineEntry(start, "U0CMDR", TimelineEntry.Kind.DECLARED, "Declared sev2: Emails not sent"),
            new TimelineEntry(start.plusSeconds(420), "U0COMM", TimelineEntry.Kind.UPDATE, "EU customers get no emails"),
            new TimelineEntry(start.plusSeconds(900), "U0CMDR", TimelineEntry.Kind.NOTE, "Queue URL *was* shared"));

    @Test
    void theSummaryHasTheFourPartsTheFactsAndTheTimeline() {
        Incident incident = Incidents.anIncident(21).severity(Severity.SEV2).title("Emails not sent")
                .communicator("U0COMM").firstUpdateAt(start.plusSeconds(420))
                .resolvedAt(start.plusSeconds(3900), new Incident.SummaryText("Emails were dropped.",
                        "EU customers.", "Two consumers on one queue.", "A config rule."))
                .build();
        String md = MarkdownSummary.render(SummaryBuilder.build(incident, timeline), NameBook.empty());
        assertThat(md).startsWith("# INC-21: Emails not sent\n")
                .contains("## Summary\n\nEmails were dropped.", "## Who was affected?\n\nEU customers.",
                        "## What happened?\n\nTwo consumers on one queue.",
                        "## What we're doing to make sure it doesn't happen again?\n\nA config rule.",
                        "**Severity:** sev2", "**Start:** 2026-11-24 10:00 UTC", "**End:** 2026-11-24 11:05 UTC",
                        "**Duration:** 1h 05m", "**Time to first update:** 7m", "**Communicator:** U0COMM",
                        "- 2026-11-24 10:15 UTC — note (U0CMDR): Queue URL \\*was\\* shared");
    }

    @Test
    void theResolveDraftComesFromTheUpdatesAndTheTimeline() {
        Incident open = Incidents.anIncident(22).title("Emails not sent").build();
        Incident.SummaryText draft = SummaryBuilder.draft(open, timeline);
        assertThat(draft.summary()).isEqualTo("Emails not sent. EU customers get no emails");
        assertThat(draft.affected()).isEqualTo("EU customers get no emails");
        assertThat(draft.whatHappened()).contains("2026-11-24 10:00 UTC Declared sev2", "10:15 UTC Queue URL *was* shared");
        assertThat(draft.prevention()).isEmpty();
        IncidentSummary summary = SummaryBuilder.build(open, timeline);
        assertThat(summary.end()).isEmpty();
        assertThat(MarkdownSummary.render(summary, NameBook.empty())).contains("**Duration:** still open", "_Not written yet._");
    }
}
