package dev.flightdeck.slack.deploy.flags;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.deploy.flags.FlagOutcome;
import dev.flightdeck.deploy.flags.FlagOutcome.*;
import dev.flightdeck.deploy.flags.FlagRequest;
import dev.flightdeck.text.Mrkdwn;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the person who typed or clicked hears about a flag request, as mrkdwn. Names they typed are escaped. */
final class FlagWords {

    private FlagWords() {
    }

    static String say(FlagOutcome o) {
        if (o instanceof Shown s) {
            return FlagStateWords.text(s);
        } else if (o instanceof Requested r) {
            String where = r.request().message().map(m -> " in <#" + m.channelId() + ">").orElse("");
            return "Flag request " + r.request().number() + " (" + what(r.request()) + ") is posted" + where
                    + "; the approvers decide there.";
        } else if (o instanceof Applying a) {
            return a.request().isKillSwitch()
                    ? ":rotating_light: Kill switch: turning " + what(a.request()) + " now, without approval, as the "
                    + "commander of INC-" + a.request().killSwitchIncident().get() + ". It is said in the channel and on "
                    + "the incident's timeline."
                    : "Turning " + what(a.request()) + " now (" + a.request().number() + ").";
        } else if (o instanceof GoRecorded g) {
            return "Your go on " + g.request().number() + " is recorded (" + g.have() + " of " + g.need() + ").";
        } else if (o instanceof Rejected r) {
            return r.request().number() + " is rejected.";
        } else if (o instanceof Cancelled c) {
            return c.request().number() + " is cancelled.";
        }
        return refusal((Refused) o);
    }

    private static String refusal(Refused o) {
        if (o instanceof NoProvider) {
            return "The team config names no feature-flag provider: add `flags: { launchdarkly: { project, token-env } }`"
                    + " or `flags: { flagsmith: { token-env, environments } }`.";
        } else if (o instanceof UnknownEnvironment u) {
            return "There is no environment " + Mrkdwn.code(u.environment()) + " in the team config. Known: "
                    + u.known().stream().map(Mrkdwn::code).collect(Collectors.joining(", ")) + ".";
        } else if (o instanceof UnknownFlag u) {
            return Mrkdwn.escape(u.provider()) + " has no flag " + Mrkdwn.code(u.flagKey()) + ". Nothing was requested.";
        } else if (o instanceof NotInEnvironment n) {
            return "Flag " + Mrkdwn.code(n.flagKey()) + " is not in " + upper(n.environment()) + " (provider environment "
                    + Mrkdwn.code(n.providerEnvironment()) + "). Nothing was requested.";
        } else if (o instanceof ProviderDown d) {
            return ":warning: Could not read the flag: " + Mrkdwn.escapeForeign(d.message())
                    + ". Nothing was requested; try again in a minute.";
        } else if (o instanceof AlreadyThere a) {
            return "Flag " + Mrkdwn.code(a.flagKey()) + " is already " + (a.on() ? "on" : "off") + " in "
                    + upper(a.environment()) + ": nothing to change.";
        } else if (o instanceof PendingExists p) {
            return "Flag " + Mrkdwn.code(p.request().flagKey()) + " already has an open request in "
                    + upper(p.request().environment()) + ": " + p.request().number() + " (" + p.request().state().label()
                    + "). Decide or cancel that one first.";
        } else if (o instanceof NoSuchRequest n) {
            return "There is no flag request " + FlagRequest.numberOf(n.id()) + ".";
        } else if (o instanceof NotWaiting n) {
            return n.request().number() + " is " + n.request().state().label() + ": there is nothing to decide.";
        } else if (o instanceof NotApprover n) {
            return "Only approvers for " + upper(n.environment()) + " can decide (" + approvers(n.approvers())
                    + "), and you are not one of them.";
        } else if (o instanceof OwnRequest r) {
            return "You asked for this flip, and self-approval is off in " + upper(r.environment()) + ": another approver ("
                    + approvers(r.approvers()) + ") has to say go.";
        } else if (o instanceof DirectoryDown) {
            return "Could not check who the approvers are right now; try again in a minute.";
        } else if (o instanceof AlreadyApproved a) {
            return "You already said go on " + a.request().number() + ".";
        } else if (o instanceof NotRequesterOrApprover n) {
            return "Only whoever asked for " + n.request().number() + " or an approver can do that.";
        } else if (o instanceof PostFailed p) {
            return "Could not post the request to " + Mrkdwn.escape(p.channel()) + ", so nothing is pending. Invite "
                    + "Flightdeck to that channel and ask again.";
        }
        throw new IllegalStateException("no words for " + o.getClass().getSimpleName());
    }

    /** {@code flag new-emails on in PROD} */
    static String what(FlagRequest r) {
        return "flag " + Mrkdwn.code(r.flagKey()) + " " + r.target() + " in " + upper(r.environment());
    }

    static String upper(String environment) {
        return Mrkdwn.escape(environment.toUpperCase(Locale.ROOT));
    }

    /** Readable, not pinged: a refusal to one person should not notify a whole group. */
    static String approvers(List<ApproverRef> approvers) {
        return approvers.isEmpty() ? "nobody is configured" : approvers.stream()
                .map(ref -> ref instanceof ApproverRef.User u ? "<@" + u.userId() + ">" : Mrkdwn.escape(ref.text()))
                .collect(Collectors.joining(", "));
    }
}
