package dev.flightdeck.slack.incident.followup;

import com.slack.api.model.block.LayoutBlock;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.followup.FollowUp;
import dev.flightdeck.incident.followup.FollowUpResult;
import dev.flightdeck.incident.followup.FollowUpState;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.Texts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** Every word Slack says about follow-ups: answers, lists, the card's section and the reminder DM. */
public final class FollowUpWords {

    static final int CARD_MAX = 10;

    private FollowUpWords() {
    }

    /** One follow-up in a line: "#5 text — @owner, due 2026-12-20 (open) · acme/ops#12". */
    public static String line(FollowUp f, LocalDate today) {
        String state = f.overdueOn(today) ? "overdue" : f.state().label();
        String closed = f.isOpen() ? "" : f.closedBy().map(b -> b.startsWith("U") || b.startsWith("W")
                ? " by <@" + b + ">" : " by " + Mrkdwn.escape(b)).orElse("")
                + f.closedWhy().filter(w -> !w.isBlank()).map(w -> ": " + Mrkdwn.escape(Texts.cut(w, 200))).orElse("");
        String issue = f.export().url().map(u -> " · " + link(u, f.export().key().orElse("issue")))
                .orElse(f.export().state() == FollowUp.ExportState.PENDING ? " · _issue not created yet_" : "");
        return "#" + f.id() + " " + Mrkdwn.escape(Texts.cut(f.text(), 300)) + " — <@" + f.owner() + ">, due " + f.due()
                + " (" + state + closed + ")" + issue;
    }

    public static List<LayoutBlock> cardSection(List<FollowUp> followUps, LocalDate today) {
        if (followUps.isEmpty()) {
            return List.of();
        }
        StringBuilder text = new StringBuilder("*Follow-ups*");
        followUps.stream().limit(CARD_MAX).forEach(f -> text.append("\n• ").append(line(f, today)));
        if (followUps.size() > CARD_MAX) {
            text.append("\n…and ").append(followUps.size() - CARD_MAX).append(" more: `/incident follow-ups all`");
        }
        String t = Texts.cut(text.toString(), 3000);
        return List.of(section(s -> s.blockId("incident_card_follow_ups").text(markdownText(t))));
    }

    /** The answer to the person who made, closed, snoozed or listed follow-ups. */
    public static String answer(FollowUpResult result, LocalDate today, Function<FollowUpResult.NoIncident, String> noIncident) {
        if (result instanceof FollowUpResult.Added a) {
            FollowUp f = a.followUp();
            return "Follow-up #" + f.id() + " added to " + a.incident().id() + " for <@" + f.owner() + ">, due "
                    + f.due() + ": " + Mrkdwn.escape(Texts.cut(f.text(), 300)) + "."
                    + (f.export().state() == FollowUp.ExportState.PENDING ? " An issue is being opened for it." : "");
        }
        if (result instanceof FollowUpResult.Closed c) {
            return "Follow-up #" + c.followUp().id() + " of " + c.incident().id() + " is "
                    + c.followUp().state().label() + ".";
        }
        if (result instanceof FollowUpResult.Snoozed s) {
            return "Follow-up #" + s.followUp().id() + " snoozed: now due " + s.followUp().due()
                    + "; you will be reminded that day.";
        }
        if (result instanceof FollowUpResult.Listed l) {
            return list(l, today);
        }
        if (result instanceof FollowUpResult.NoText) {
            return "What is to be done? `/incident follow-up Add an alarm on queue depth @dana due 2026-12-31`.";
        }
        if (result instanceof FollowUpResult.TooLong t) {
            return "The follow-up is " + t.length() + " characters long; at most " + FollowUp.MAX_TEXT
                    + " fit. Keep it short and link the details.";
        }
        if (result instanceof FollowUpResult.PastDue p) {
            return "The due day " + p.due() + " is in the past (today is " + p.today()
                    + ", UTC): give a day from today on.";
        }
        if (result instanceof FollowUpResult.NoSuchFollowUp n) {
            return "There is no follow-up #" + n.id() + ".";
        }
        if (result instanceof FollowUpResult.AlreadyClosed c) {
            return "Follow-up #" + c.followUp().id() + " is already " + c.followUp().state().label()
                    + c.followUp().closedBy().filter(b -> b.startsWith("U") || b.startsWith("W"))
                    .map(b -> " (by <@" + b + ">)").orElse("") + ".";
        }
        return noIncident.apply((FollowUpResult.NoIncident) result);
    }

    static String list(FollowUpResult.Listed l, LocalDate today) {
        String whose = l.owner().map(o -> "<@" + o + ">'s").orElse(l.all() ? "Every" : "Everyone's");
        if (l.followUps().isEmpty()) {
            return l.owner().isPresent() ? "No open follow-ups for <@" + l.owner().get() + ">."
                    : "No open follow-ups.";
        }
        StringBuilder out = new StringBuilder(whose + " open follow-ups:");
        for (FollowUp f : l.followUps()) {
            out.append("\n• ").append(f.incidentId()).append(' ').append(line(f, today));
        }
        return Texts.cut(out.toString(), 3900);
    }

    /** The reminder DM's text (the notification) and blocks. */
    public static String reminderText(FollowUp f, Incident i, boolean overdue) {
        return (overdue ? "Overdue follow-up" : "Follow-up due today") + " from " + i.id() + ": "
                + Mrkdwn.escape(Texts.cut(f.text(), 300));
    }

    public static List<LayoutBlock> reminder(FollowUp f, Incident i, boolean overdue, String incidentPage) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String head = overdue ? ":hourglass: *Overdue since " + f.due() + "*" : ":calendar: *Due today* (" + f.due() + ")";
        String body = head + "\nFollow-up #" + f.id() + " from " + link(incidentPage, i.id()) + " ("
                + Mrkdwn.escape(Texts.cut(i.title(), 150)) + "):\n>" + Mrkdwn.escape(Texts.cut(f.text(), 1500))
                + f.link().map(l -> "\n" + link(l, "The message it came from")).orElse("")
                + f.export().url().map(u -> "\nIssue: " + link(u, f.export().key().orElse(u))).orElse("");
        blocks.add(section(s -> s.text(markdownText(Texts.cut(body, 3000)))));
        String value = Long.toString(f.id());
        blocks.add(actions(a -> a.blockId(FollowUpSlackIds.DM_ACTIONS).elements(List.of(
                button(b -> b.actionId(FollowUpSlackIds.DONE).value(value).style("primary").text(plainText("Done"))),
                button(b -> b.actionId(FollowUpSlackIds.SNOOZE).value(value).text(plainText("Snooze a week")))))));
        return blocks;
    }

    static String stateWord(FollowUpState s) {
        return s.label();
    }

    /** {@code <url|label>} for an http(s) URL that cannot break out of it; the label alone otherwise. */
    static String link(String url, String label) {
        String u = Texts.safeUrl(url);
        String l = Mrkdwn.escape(label).replace("|", "¦");
        return u == null || u.matches(".*[<>|\\s].*") ? l : "<" + u + "|" + l + ">";
    }
}
