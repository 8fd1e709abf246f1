package dev.flightdeck.slack.incident.access;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.incident.access.AccessGrant;
import dev.flightdeck.incident.access.AccessOutcome;
import dev.flightdeck.text.Durations;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.UtcTime;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every word break-glass access says in Slack. Typed text (the reason, a set's name) is escaped here, once. */
final class AccessWords {

    private AccessWords() {
    }

    static String set(AccessGrant g) {
        return "*" + Mrkdwn.escape(g.permissionSet()) + "* in account " + g.account();
    }

    static String answer(AccessOutcome o, Function<List<ApproverRef>, String> mentions) {
        if (o instanceof AccessOutcome.Requested r) {
            return "Asked for " + set(r.grant()) + " for " + Durations.format(r.grant().duration()) + " in "
                    + r.incident().id() + ". The request is in the incident's channel; you will hear when it is granted.";
        }
        if (o instanceof AccessOutcome.Live l) {
            return live(l);
        }
        if (o instanceof AccessOutcome.NotConfigured) {
            return "Break-glass access is not set up: the team file has no `incidents.access` (IAM Identity Center "
                    + "instance, account and permission sets).";
        }
        if (o instanceof AccessOutcome.UnknownSet u) {
            return Mrkdwn.code(u.typed()) + " is not a permission set Flightdeck may grant. Known: "
                    + u.known().stream().map(Mrkdwn::code).collect(Collectors.joining(", ")) + ".";
        }
        if (o instanceof AccessOutcome.TooLong t) {
            return "Access for " + Durations.format(t.asked()) + " is longer than the " + Durations.format(t.max())
                    + " the team file allows (max-duration); nothing was asked. Ask for " + Durations.format(t.max())
                    + " or less, and again later if it is still needed.";
        }
        if (o instanceof AccessOutcome.NoIncident n) {
            return incidentRefusal(n.why());
        }
        if (o instanceof AccessOutcome.Granting g) {
            return "Granting " + set(g.grant()) + " to <@" + g.grant().requester() + ">…";
        }
        if (o instanceof AccessOutcome.Denied) {
            return "Denied.";
        }
        if (o instanceof AccessOutcome.NotAllowed n) {
            return "Only " + who(n.approvers(), n.commanderMay(), mentions) + " may grant or deny break-glass access.";
        }
        if (o instanceof AccessOutcome.OwnRequest) {
            return "You asked for this access: someone else must grant it.";
        }
        if (o instanceof AccessOutcome.AlreadyDecided a) {
            return "This request is already " + a.grant().state().label()
                    + a.grant().decidedBy().map(u -> " (decided by <@" + u + ">)").orElse("") + ".";
        }
        if (o instanceof AccessOutcome.DirectoryDown) {
            return "Slack could not say who is in the approver groups just now; nothing was decided. Please click "
                    + "again in a minute.";
        }
        return "That access request is not known here any more.";
    }

    static String who(List<ApproverRef> approvers, boolean commanderMay, Function<List<ApproverRef>, String> mentions) {
        String list = approvers.isEmpty() ? "" : mentions.apply(approvers);
        if (commanderMay) {
            return list.isEmpty() ? "the incident's commander" : list + " or the incident's commander";
        }
        return list.isEmpty() ? "the access approvers" : list;
    }

    private static String live(AccessOutcome.Live l) {
        if (l.grants().isEmpty()) {
            return "No live break-glass access in " + l.incident().id() + ".";
        }
        StringBuilder out = new StringBuilder("Break-glass access in " + l.incident().id() + ":");
        for (AccessGrant g : l.grants()) {
            out.append("\n• <@").append(g.requester()).append(">: ").append(set(g)).append(", ")
                    .append(switch (g.state()) {
                        case REQUESTED -> "waiting for a decision (" + Durations.format(g.duration()) + " asked)";
                        case GRANTING -> "being granted";
                        case ACTIVE -> "until " + UtcTime.format(g.expiresAt().orElseThrow());
                        case REVOKING -> "being revoked";
                        default -> g.state().label();
                    });
        }
        return out.toString();
    }

    static String incidentRefusal(IncidentResult why) {
        if (why instanceof IncidentResult.NoSuchIncident n) {
            return "There is no incident " + Mrkdwn.escape(n.id()) + ".";
        }
        if (why instanceof IncidentResult.IsResolved r) {
            return r.incident().id() + " is resolved: break-glass access is only for open incidents.";
        }
        return "This is not an incident channel: add the incident's id, e.g. "
                + "`/incident access INC-12 ReadOnly for 1h -- reading the queue's metrics`.";
    }

    /** The request message's text (also the notification fallback). */
    static String request(AccessGrant g, Incident incident, String deciders) {
        return "<@" + g.requester() + "> asks for break-glass access: " + set(g) + " for "
                + Durations.format(g.duration()) + " (" + incident.id() + ").\n*Reason:* " + Mrkdwn.escape(g.reason())
                + "\nWho may grant: " + deciders + ".";
    }

    /** The status line under the request, as it now stands. */
    static String status(AccessGrant g) {
        String by = g.decidedBy().map(u -> "<@" + u + ">").orElse("someone");
        return switch (g.state()) {
            case REQUESTED -> "Waiting for a decision.";
            case GRANTING -> "Approved by " + by + "; granting in IAM Identity Center…";
            case ACTIVE -> "Granted by " + by + ", until " + UtcTime.format(g.expiresAt().orElseThrow()) + ".";
            case REVOKING -> "Being revoked (" + why(g) + ")…";
            case REVOKED -> "Revoked (" + why(g) + ").";
            case DENIED -> "Denied by " + by + ".";
            case FAILED -> "Not granted: " + why(g) + ".";
            case LAPSED -> "Lapsed: " + why(g) + ".";
        };
    }

    /** What the channel is told when a request moves; empty for moves the redrawn message says enough about. */
    static String channelLine(AccessGrant g) {
        return switch (g.state()) {
            case ACTIVE -> ":unlock: " + set(g) + " granted to <@" + g.requester() + "> until "
                    + UtcTime.format(g.expiresAt().orElseThrow()) + " (approved by <@" + g.decidedBy().orElse("?") + ">).";
            case REVOKED -> ":lock: " + set(g) + " of <@" + g.requester() + "> revoked: " + why(g) + ".";
            case FAILED -> ":warning: " + set(g) + " could not be granted to <@" + g.requester() + ">: " + why(g) + ".";
            default -> "";
        };
    }

    static String dm(AccessGrant g, Incident incident) {
        return switch (g.state()) {
            case ACTIVE -> "Your break-glass access for " + incident.id() + " is granted: " + set(g) + " until "
                    + UtcTime.format(g.expiresAt().orElseThrow()) + ". Sign in through the AWS access portal.";
            case REVOKED -> "Your break-glass access for " + incident.id() + " (" + set(g) + ") is revoked: " + why(g) + ".";
            default -> "";
        };
    }

    static String why(AccessGrant g) {
        return switch (g.endReason().orElse(AccessGrant.End.EXPIRED)) {
            case EXPIRED -> "it expired after " + Durations.format(g.duration());
            case RESOLVED -> "the incident was resolved";
            case DENIED -> "denied";
            case NO_USER -> "no IAM Identity Center user matches <@" + g.requester() + ">'s Slack e-mail or a people: entry";
            case AWS_FAILED -> "IAM Identity Center said " + Mrkdwn.escapeForeign(g.lastError().orElse("it failed"));
            case GAVE_UP -> "IAM Identity Center did not answer; anything partly made is being removed";
            case NOT_DECIDED -> "nobody decided in time";
        };
    }
}
