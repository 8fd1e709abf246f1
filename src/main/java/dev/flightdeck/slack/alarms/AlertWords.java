package dev.flightdeck.slack.alarms;

import dev.flightdeck.alarms.AlertEpisode;
import dev.flightdeck.alarms.AlertEpisodes;
import dev.flightdeck.incident.summary.IncidentSummary;
import dev.flightdeck.slack.blocks.SlackTime;
import dev.flightdeck.text.Mrkdwn;

import java.time.Duration;
import java.time.Instant;

/** What the alarm feature says besides the message itself: the nudge in its thread and the answers to clicks. */
final class AlertWords {

    private AlertWords() {
    }

    /** A thread reply: {@code mentions} (already Slack mentions, may be empty) are pinged. */
    static String nudge(AlertEpisode e, String mentions, Instant now) {
        String who = mentions.isBlank() ? "" : mentions + " ";
        return ":bell: " + who + "*" + new AlertMessage(e).headline() + "* has fired for "
                + IncidentSummary.human(Duration.between(e.firedAt(), now)) + " and nobody has acknowledged it. "
                + "*Acknowledge* it above if you are on it, or *Declare incident*.";
    }

    /** The ephemeral answer to a click that changed nothing; empty text for a click that did what it said. */
    static String refused(AlertEpisodes.Click click) {
        if (click instanceof AlertEpisodes.Click.NoSuchEpisode n) {
            return noEpisode(n.id());
        }
        if (click instanceof AlertEpisodes.Click.AlreadyAcknowledged a) {
            return "Already acknowledged by <@" + a.episode().acknowledgedBy().orElse("?") + ">"
                    + a.episode().acknowledgedAt().map(at -> " " + SlackTime.of(at)).orElse("") + ".";
        }
        return "";
    }

    static String notAnEpisode() {
        return "That button does not name an alarm episode; the message may be from another version of Flightdeck.";
    }

    static String noEpisode(long id) {
        return "There is no alarm episode " + id + "; the message may be from another Flightdeck.";
    }

    static String formFailed() {
        return "Could not open the form; please click *Declare incident* again.";
    }

    /** The declare form's note on where it came from. */
    static String declareContext(AlertEpisodes.DeclareForm form) {
        return "From the alarm of *" + Mrkdwn.escapeForeign(form.service()) + "* in *"
                + Mrkdwn.escapeForeign(form.environment()) + "*: declaring links it on the incident's timeline.";
    }
}
