package dev.flightdeck.slack.incident;

import com.slack.api.model.block.LayoutBlock;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentChannels;
import dev.flightdeck.incident.IncidentRole;
import dev.flightdeck.incident.summary.IncidentSummary;
import dev.flightdeck.text.Mrkdwn;

import java.time.Duration;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** The incident's other messages: announcement, updates, role briefs, reminders (the card asks for a communicator). */
public final class IncidentMessages {

    private IncidentMessages() {
    }

    static String link(Incident i) {
        return i.channelId().map(c -> "<#" + c + ">").orElse("its channel (being created)");
    }

    /** What an announcement says happened: "declared", "raised to sev1", "resolved after 2h 5m". */
    static String headline(IncidentChannels.Announcement announcement) {
        if (announcement instanceof IncidentChannels.Announcement.Raised raised) {
            return "raised to " + raised.to().label();
        }
        if (announcement instanceof IncidentChannels.Announcement.Resolved resolved) {
            return "resolved after " + IncidentSummary.human(resolved.after());
        }
        return "declared";
    }

    public static String announcement(Incident i, String headline) {
        return ":rotating_light: *" + i.id() + "* (" + i.severity().label() + ") " + headline + ": " + Mrkdwn.escape(i.title())
                + "\nCommander <@" + i.commanderId() + ">"
                + i.communicatorId().map(c -> ", communicator <@" + c + ">").orElse("") + ". Follow in " + link(i) + ".";
    }

    /** Prefixed with severity and status, so a stakeholder skimming the channel sees how bad and how far first. */
    public static String update(Incident i, String text, String authorId) {
        return "*[" + i.severity().label().toUpperCase() + " · " + i.status().label() + "] " + i.id() + ": "
                + Mrkdwn.escape(i.title()) + "*\n" + Mrkdwn.escape(text) + "\n_— <@" + authorId + ">_";
    }

    public static String roleBrief(Incident i, IncidentRole role) {
        return "You are now the *" + role.label() + "* of *" + i.id() + "* (" + i.severity().label() + "): "
                + Mrkdwn.escape(i.title()) + ".\nThe " + role.label() + " " + role.duties() + ".\nChannel: " + link(i) + ".";
    }

    public static String reminderText(Incident i, Duration since) {
        return i.id() + " (" + i.severity().label() + ") has had no update for " + IncidentSummary.human(since)
                + ". Please post one: stakeholders are waiting.";
    }

    public static List<LayoutBlock> reminder(Incident i, Duration since) {
        return List.of(
                section(s -> s.text(markdownText(":alarm_clock: *" + i.id() + "* (" + i.severity().label() + ", "
                        + i.status().label() + ") has had no update for *" + IncidentSummary.human(since)
                        + "*. As communicator, please post one: stakeholders are waiting. (" + link(i) + ")"))),
                actions(a -> a.elements(List.of(button(b -> b.actionId(IncidentSlackIds.INCIDENT_OPEN_UPDATE).value(i.id())
                        .style("primary").text(plainText("Post update")))))));
    }

    /** To the declarer only, where they declared: the incident is recorded, Slack stopped its set-up. */
    static String setupStopped(Incident i, String cause, Duration retryEvery) {
        return i.id() + " is recorded, but Slack stopped setting it up (" + cause + "). Flightdeck keeps trying every "
                + retryEvery.toMinutes() + " minutes; meanwhile `/incident update " + i.id()
                + " …` and the other commands work.";
    }

    public static String commanderReminder(Incident i, Duration since) {
        return ":alarm_clock: *" + i.id() + "* still has no communicator after " + IncidentSummary.human(since)
                + ". Name one with `/incident role communicator @someone " + i.id() + "` so stakeholders hear "
                + "from us on the " + i.severity().label() + " cadence.";
    }
}
