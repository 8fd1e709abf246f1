package dev.flightdeck.slack.incident;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.incident.status.PublishResult;
import dev.flightdeck.slack.command.Mentions;
import dev.flightdeck.text.Mrkdwn;

/** What publishing on the status page says, in a command's answer (mrkdwn) or under a form's box (plain text). */
final class StatusWords {

    private StatusWords() {
    }

    static String published(IncidentResult.Updated updated, String statusPage) {
        return Replies.text(updated).replaceFirst("\\.$", "") + ", and published on the <" + statusPage
                + "|status page>.";
    }

    static String refusal(PublishResult result) {
        if (result instanceof PublishResult.NotTheirs n) {
            Incident i = n.incident();
            return "Only the commander (<@" + i.commanderId() + ">)"
                    + i.communicatorId().map(c -> " or the communicator (<@" + c + ">)").orElse(" or a communicator")
                    + " of " + i.id() + " publishes on the status page. Nothing was posted: post it without "
                    + "--public, or ask them.";
        }
        if (result instanceof PublishResult.PrivateWord p) {
            return "The status page shows no names and no channels: take out " + Mrkdwn.escape(shown(p.word()))
                    + " and send it again. Nothing was posted.";
        }
        return Replies.text(((PublishResult.UpdateRefused) result).result());
    }

    /** Under the update form's box, where Slack shows plain text. */
    static String updateFormError(PublishResult result) {
        if (result instanceof PublishResult.NotTheirs n) {
            return "Only the commander or the communicator of " + n.incident().id() + " publishes on the status "
                    + "page: untick this box to post the update in Slack only.";
        }
        if (result instanceof PublishResult.PrivateWord p) {
            return "The status page shows no names and no channels: take " + shown(p.word()) + " out of the update.";
        }
        return Mrkdwn.unescape(Replies.text(((PublishResult.UpdateRefused) result).result()));
    }

    /** Under the resolve form's box. */
    static String summaryFormError(PublishResult result) {
        if (result instanceof PublishResult.NotTheirs n) {
            return "Only the commander of " + n.incident().id() + " publishes the summary: untick this box to resolve "
                    + "without publishing it.";
        }
        PublishResult.PrivateWord p = (PublishResult.PrivateWord) result;
        return "The status page shows no names and no channels: take " + shown(p.word()) + " out of the summary, or "
                + "untick this box.";
    }

    private static String shown(String word) {
        return word.startsWith("<") ? Mentions.display(word) : word;
    }
}
