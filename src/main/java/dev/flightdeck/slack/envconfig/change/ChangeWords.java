package dev.flightdeck.slack.envconfig.change;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.envconfig.RuleResult;
import dev.flightdeck.envconfig.change.ChangeOutcome;
import dev.flightdeck.envconfig.change.ChangeOutcome.*;
import dev.flightdeck.envconfig.change.ConfigChange;
import dev.flightdeck.text.Mrkdwn;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the person who typed or clicked hears about a config change, as mrkdwn. Never a value: a refusal of a
 * proposed value names the problem only. Names people typed (service, key) are escaped.
 */
final class ChangeWords {

    private ChangeWords() {
    }

    static String say(ChangeOutcome o) {
        if (o instanceof Ready r) {
            return "Opening the form for " + what(r.target().key(), r.target().service(), r.target().environment()) + ".";
        } else if (o instanceof Proposed p) {
            ConfigChange c = p.change();
            String where = c.message().map(m -> " in <#" + m.channelId() + ">").orElse("");
            return "Change #" + c.id() + " (" + what(c) + ") is posted" + where + (c.blocked()
                    ? ". A rule fails (" + failing(c) + "), so it is blocked until an approver overrides it with a reason."
                    : "; the approvers decide there.");
        } else if (o instanceof GoRecorded g) {
            return "Your go on change #" + g.change().id() + " is recorded (" + g.have() + " of " + g.need() + ").";
        } else if (o instanceof Applying a) {
            return "Change #" + a.change().id() + " is being written.";
        } else if (o instanceof Rejected r) {
            return "Change #" + r.change().id() + " is rejected.";
        } else if (o instanceof Cancelled c) {
            return "Change #" + c.change().id() + " is cancelled.";
        } else if (o instanceof Overridden ov) {
            return "The failing rules of change #" + ov.change().id() + " are overridden; it now waits for a go.";
        }
        return refusal((Refused) o);
    }

    private static String refusal(Refused o) {
        if (o instanceof UnknownService u) {
            return "There is no service " + code(u.service()) + " in the team config" + didYouMean(u.closest()) + ".";
        } else if (o instanceof UnknownEnvironment u) {
            return "There is no environment " + code(u.environment()) + " in the team config" + didYouMean(u.closest()) + ".";
        } else if (o instanceof ChangesNotAllowed n) {
            return "*" + Mrkdwn.escape(n.service()) + "* does not take config changes through Flightdeck: its team config "
                    + "entry needs `config: { changes: true }`.";
        } else if (o instanceof UnknownKey k) {
            return "Flightdeck knows no key " + code(k.key()) + " for *" + Mrkdwn.escape(k.service()) + "* in *"
                    + upper(k.environment()) + "*" + (k.closest().isEmpty() ? "."
                    : ". The closest known: " + k.closest().stream().map(ChangeWords::code).collect(Collectors.joining(", ")) + ".");
        } else if (o instanceof BadValue b) {
            return "That cannot be proposed: " + Mrkdwn.escape(sentence(b.problem())) + " Nothing was changed.";
        } else if (o instanceof SourceDown s) {
            return ":warning: Could not read the current configuration: " + Mrkdwn.escape(s.message())
                    + ". Nothing was proposed; try again in a minute.";
        } else if (o instanceof NoSuchChange n) {
            return "There is no config change #" + n.id() + ".";
        } else if (o instanceof NothingToRevert n) {
            return "Change #" + n.change().id() + " cannot be reverted: " + Mrkdwn.escape(n.why()) + ".";
        } else if (o instanceof NotWaiting n) {
            return notWaiting(n.change());
        } else if (o instanceof NotApprover n) {
            return "Only approvers for " + upper(n.environment()) + " can decide (" + approvers(n.approvers())
                    + "), and you are not one of them.";
        } else if (o instanceof OwnRequest r) {
            return "You proposed this change, and self-approval is off in " + upper(r.environment()) + ": another approver ("
                    + approvers(r.approvers()) + ") has to " + (r.override() ? "override the rules" : "say go") + ".";
        } else if (o instanceof DirectoryDown d) {
            return "Could not check who the approvers are right now; try again in a minute.";
        } else if (o instanceof AlreadyApproved a) {
            return "You already said go on change #" + a.change().id() + ".";
        } else if (o instanceof BlockedByRules b) {
            return "Change #" + b.change().id() + " is blocked by a failing rule (" + failing(b.change())
                    + "): an approver may override it with a reason, then say go.";
        } else if (o instanceof NothingBlocks n) {
            return "Change #" + n.change().id() + " has no failing rule to override.";
        } else if (o instanceof ReasonLength r) {
            return "Write a reason of " + r.min() + " to " + r.max() + " characters.";
        } else if (o instanceof NotProposerOrApprover n) {
            return "Only the proposer of change #" + n.change().id() + " or an approver for "
                    + upper(n.change().environment()) + " can do that.";
        } else if (o instanceof PostFailed p) {
            return "Could not post the request to " + Mrkdwn.escape(p.channel()) + " (is Flightdeck invited there?), "
                    + "so nothing is pending.";
        }
        throw new IllegalStateException("no words for " + o.getClass().getSimpleName());
    }

    static String notWaiting(ConfigChange c) {
        return switch (c.state()) {
            case APPLYING -> "Change #" + c.id() + " is already being written.";
            case FAILED -> "Change #" + c.id() + " was approved and its write failed: press *Retry* or *Cancel*.";
            default -> "Change #" + c.id() + " is already finished: " + c.state().label() + ".";
        };
    }

    /** {@code EMAIL_QUEUE_URL of mail in PROD} */
    static String what(ConfigChange c) {
        return what(c.key(), c.service(), c.environment());
    }

    static String what(String key, String service, String environment) {
        return Mrkdwn.escape(key) + " of " + Mrkdwn.escape(service) + " in " + upper(environment);
    }

    static String failing(ConfigChange c) {
        return c.rules().stream().filter(r -> r.outcome().blocks()).map(RuleResult::rule).distinct()
                .map(r -> "*" + r.label() + "*").collect(Collectors.joining(", "));
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

    private static String didYouMean(List<String> closest) {
        return closest.isEmpty() ? "" : "; did you mean " + closest.stream().map(ChangeWords::code)
                .collect(Collectors.joining(" or ")) + "?";
    }

    private static String sentence(String s) {
        return s.endsWith(".") ? s : s + ".";
    }

    private static String code(String s) {
        return Mrkdwn.code(s);
    }
}
