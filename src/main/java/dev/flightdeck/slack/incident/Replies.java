package dev.flightdeck.slack.incident;

import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.incident.FreezeRefusal;

/** An incident use case's result as the slash command's answer. */
final class Replies {
    private Replies() {
    }

    static CommandReply of(Object command, IncidentResult result) {
        if (result instanceof IncidentResult.Done done) {
            return CommandReply.ok(command, done.message());
        }
        return CommandReply.refused(command, text(result));
    }

    /** What to tell the person: the message, the reason, or who may make the change. */
    static String text(IncidentResult result) {
        if (result instanceof IncidentResult.Done done) {
            return done.message();
        }
        if (result instanceof IncidentResult.NotAllowed no) {
            return FreezeRefusal.text(no.why());
        }
        return ((IncidentResult.Refused) result).reason();
    }
}
