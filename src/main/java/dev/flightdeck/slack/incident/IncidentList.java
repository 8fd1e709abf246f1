package dev.flightdeck.slack.incident;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.summary.IncidentSummary;
import dev.flightdeck.text.Mrkdwn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code /incident list}: open incidents, most severe first. */
public final class IncidentList {

    private IncidentList() {
    }

    public static String text(List<Incident> open, Instant now) {
        if (open.isEmpty()) {
            return "No open incidents. :tada:";
        }
        StringBuilder out = new StringBuilder("*Open incidents*\n");
        open.stream()
                .sorted(java.util.Comparator.comparing(Incident::severity).thenComparing(Incident::number))
                .forEach(i -> out.append("• *").append(i.id()).append("* ").append(i.severity().label()).append(", ")
                        .append(i.status().label()).append(": ").append(Mrkdwn.escape(i.title()))
                        .append(i.channelId().map(c -> " <#" + c + ">").orElse(""))
                        .append("\n    age ").append(IncidentSummary.human(Duration.between(i.startedAt(), now)))
                        .append(" · commander <@").append(i.commanderId()).append("> · communicator ")
                        .append(i.communicatorId().map(c -> "<@" + c + ">").orElse("_none_"))
                        .append(" · last update ")
                        .append(i.lastUpdateAt().map(u -> IncidentSummary.human(Duration.between(u, now)) + " ago")
                                .orElse("_none_"))
                        .append('\n'));
        return out.toString();
    }
}
