package dev.flightdeck.slack.handlers.incident;

import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.slack.CommandReply;

/** An incident use case's result as the slash command's answer. */
final class Replies {
    private Replies() {
    }

    static CommandReply of(Object command, IncidentResult result) {
        if (result instanceof IncidentResult.Done done) {
            return CommandReply.ok(command, done.message());
        }
        return CommandReply.refused(command, ((IncidentResult.Refused) result).reason());
    }
}
