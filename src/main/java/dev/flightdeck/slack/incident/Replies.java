package dev.flightdeck.slack.incident;

import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.incident.summary.IncidentSummary;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.text.Mrkdwn;

/** What the person who made a change is told: every incident use case's outcome in words. */
final class Replies {

    static final String NOT_HERE = "This is not an incident channel. Name the incident, e.g. `INC-12`, or run the "
            + "command in the incident's channel. `/incident list` shows the open ones.";

    private Replies() {
    }

    static CommandReply of(Object command, IncidentResult result) {
        if (result instanceof IncidentResult.Done) {
            return CommandReply.ok(command, text(result));
        }
        return CommandReply.refused(command, text(result));
    }

    /** What to tell the person: what was done, the reason it was refused, or who may make the change. */
    static String text(IncidentResult result) {
        if (result instanceof IncidentResult.Refused refused) {
            return refusal(refused);
        }
        if (result instanceof IncidentResult.NotAllowed no) {
            return FreezeRefusal.text(no.why());
        }
        if (result instanceof IncidentResult.Declared d) {
            return "Declaring " + d.incident().id() + " (" + d.incident().severity().label() + "): "
                    + Mrkdwn.escape(d.incident().title())
                    + ". Its channel is being created; you are the commander and will be invited.";
        }
        if (result instanceof IncidentResult.RoleAssigned r) {
            return roleLine(r) + " on " + r.incident().id() + ".";
        }
        if (result instanceof IncidentResult.Updated u) {
            return "Update posted for " + u.incident().id() + " (" + u.incident().severity().label() + ", "
                    + u.incident().status().label() + ").";
        }
        if (result instanceof IncidentResult.SeverityChanged s) {
            return s.incident().id() + ": " + severityLine(s) + (s.raised() ? ", re-announced." : ".");
        }
        if (result instanceof IncidentResult.Noted n) {
            return "Added to " + n.incident().id() + "'s timeline.";
        }
        if (result instanceof IncidentResult.Resolved r) {
            return r.incident().id() + " is resolved after " + IncidentSummary.human(r.took())
                    + "; the summary is being posted in its channel and the stakeholder channel.";
        }
        return ""; // Found: nothing changed, nothing to say
    }

    private static String refusal(IncidentResult.Refused refused) {
        if (refused instanceof IncidentResult.NoTitle) {
            return "An incident needs a title: `/incident declare Checkout returns 500s sev2`.";
        }
        if (refused instanceof IncidentResult.NoSuchIncident no) {
            return no.id() + " does not exist. `/incident list` shows the open incidents.";
        }
        if (refused instanceof IncidentResult.FormForNoIncident no) {
            return no.id() + " does not exist.";
        }
        if (refused instanceof IncidentResult.NotAnIncidentChannel) {
            return NOT_HERE;
        }
        if (refused instanceof IncidentResult.IsResolved r) {
            return r.incident().id() + " is resolved; `/incident summary " + r.incident().id() + "` shows its summary.";
        }
        if (refused instanceof IncidentResult.AlreadyResolved r) {
            return r.incident().id() + " is already resolved.";
        }
        if (refused instanceof IncidentResult.AlreadyHolds a) {
            return "<@" + a.userId() + "> is already the " + a.role().label() + " of " + a.incident().id() + ".";
        }
        if (refused instanceof IncidentResult.CannotMove m) {
            return "An update cannot move " + m.incident().id() + " from " + m.from().label() + " to "
                    + m.to().label() + ".";
        }
        IncidentResult.SameSeverity same = (IncidentResult.SameSeverity) refused;
        return same.incident().id() + " is already " + same.severity().label() + ".";
    }

    /** The role change as the incident channel and the person who made it read it. */
    static String roleLine(IncidentResult.RoleAssigned r) {
        return r.previous().map(p -> "<@" + r.userId() + "> took over as " + r.role().label() + " from <@" + p + ">")
                .orElse("<@" + r.userId() + "> is the " + r.role().label());
    }

    static String severityLine(IncidentResult.SeverityChanged s) {
        return "Severity " + s.from().label() + " → " + s.to().label();
    }
}
