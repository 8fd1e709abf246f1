package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.DeployOutcome;
import dev.flightdeck.deploy.DeployOutcome.*;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.text.Mrkdwn;

import java.util.Locale;

import static dev.flightdeck.slack.deploy.DeployWords.approverList;
import static dev.flightdeck.slack.deploy.DeployWords.checks;
import static dev.flightdeck.slack.deploy.DeployWords.noSuchRequest;
import static dev.flightdeck.slack.deploy.DeployWords.notWaiting;
import static dev.flightdeck.slack.deploy.DeployWords.upper;
import static dev.flightdeck.slack.deploy.DeployWords.user;
import static dev.flightdeck.slack.deploy.DeployWords.what;

/** What the person who acted on a deploy is told: every {@link DeployOutcome} in words. */
final class OutcomeWords {
    private OutcomeWords() {
    }

    static String say(DeployOutcome o) {
        return o instanceof DeployOutcome.Done done ? done(done) : refused((DeployOutcome.Refused) o);
    }

    private static String done(DeployOutcome.Done o) {
        if (o instanceof Requested x) {
            DeployRequest r = x.request();
            String where = x.posted() ? "is posted in <#" + r.channelId() + ">"
                    : "is recorded as #" + r.id() + "; Slack is not taking messages right now, so its go/no-go message "
                    + "will be posted in " + x.channel() + " as soon as it does";
            return "Deploy " + what(r) + " " + where
                    + (x.blocking().isEmpty() ? "." : ", blocked by " + checks(x.blocking()) + ".");
        }
        if (o instanceof Allowed) {
            return "";
        }
        if (o instanceof GoRecorded x) {
            return "Go recorded: " + x.have() + " of " + x.request().approvalsRequired() + " approvals for deploy "
                    + what(x.request()) + ".";
        }
        if (o instanceof Approved x) {
            return "Approved deploy " + what(x.request()) + ".";
        }
        if (o instanceof Rejected x) {
            return "No-go recorded for deploy " + what(x.request()) + ".";
        }
        if (o instanceof Cancelled x) {
            return "Cancelled deploy " + what(x.request()) + ".";
        }
        if (o instanceof StuckCancelled x) {
            return "Cancelled deploy " + what(x.request()) + ". Stop its build in CI if it is still running: Flightdeck"
                    + " no longer follows it.";
        }
        if (o instanceof Overridden x) {
            return NewsWords.overridden(x.userId(), x.blocking(), x.reason());
        }
        if (o instanceof BuildStarted x) {
            DeployRequest r = x.request();
            return "Started the " + r.envUpper() + " build of " + r.service() + " " + r.version() + ".";
        }
        if (o instanceof BuildMoved x) {
            return x.request().state().label();
        }
        if (o instanceof Locked x) {
            var l = x.lock();
            return ":lock: " + user(l.lockedBy()) + " locked " + Mrkdwn.escape(l.service()) + " in "
                    + Mrkdwn.escape(upper(l.environment())) + ": " + Mrkdwn.escape(l.reason())
                    + "\nDeploys are blocked until `/deploy unlock " + l.service() + " " + l.environment() + "`.";
        }
        if (o instanceof ChecklistTicked x) {
            return x.ticked().isEmpty() && x.unticked().isEmpty() ? "Nothing changed on the checklist of deploy "
                    + what(x.request()) + "." : "Checklist of deploy " + what(x.request()) + " updated.";
        }
        Unlocked x = (Unlocked) o;
        return ":unlock: " + user(x.userId()) + " unlocked " + x.service() + " in " + upper(x.environment()) + ".";
    }

    private static String refused(DeployOutcome.Refused o) {
        if (o instanceof NoSuchRequest x) {
            return noSuchRequest(x.id());
        }
        if (o instanceof NotWaiting x) {
            return notWaiting(x.request());
        }
        if (o instanceof NotApprover x) {
            String who = x.approvers().isEmpty() ? "nobody is configured" : approverList(x.approvers());
            return "Only approvers for " + upper(x.environment()) + " can decide (" + who + "), and you are not one of them.";
        }
        if (o instanceof OwnRequest x) {
            return "You requested this deploy, and self-approval is off in " + upper(x.environment())
                    + ": another approver (" + approverList(x.approvers()) + ") has to "
                    + (x.override() ? "override a check" : "say go") + ".";
        }
        if (o instanceof DirectoryDown x) {
            return x.detail() == null ? "Could not check who the approvers are right now; try again in a minute."
                    : "Could not check who the approvers are right now (" + x.detail()
                    + "). Nothing was changed; try again in a minute.";
        }
        if (o instanceof BlockedByChecks x && x.request().state() == dev.flightdeck.deploy.DeployState.APPROVED) {
            // A Start refused after the goes (gate ci): CI is still running, or turned red.
            return "Deploy " + what(x.request()) + " cannot start yet: " + checks(x.blocking())
                    + ". It starts once that passes (with auto-start; else press *Start* again), or an approver can"
                    + " override it with a written reason (*Override*).";
        }
        if (o instanceof BlockedByChecks x) {
            return "Deploy " + what(x.request()) + " is blocked by " + checks(x.blocking())
                    + ". An approver can override that with a written reason (*Override*), then say go.";
        }
        if (o instanceof OneAtATime x) {
            return "Deploy " + what(x.holder()) + " is " + x.holder().state().label()
                    + "; one deploy at a time. Say go again when it has finished.";
        }
        if (o instanceof AlreadyWent x) {
            return "You already said go on deploy " + what(x.request()) + ".";
        }
        if (o instanceof ReasonLength x) {
            return x.override() ? "An override needs a written reason of " + x.min() + " to " + x.max() + " characters."
                    : "A no-go needs a reason of " + x.min() + " to " + x.max() + " characters.";
        }
        if (o instanceof NotRequesterOrApprover x) {
            return "Only the requester " + user(x.request().requesterId()) + " or an approver can cancel deploy "
                    + what(x.request()) + ".";
        }
        if (o instanceof AlreadyStarted x) {
            return "Deploy " + what(x.request()) + " has started (" + x.request().state().label() + ") and cannot be cancelled.";
        }
        if (o instanceof StuckNeedsApprover x) {
            DeployRequest r = x.request();
            return "Deploy " + what(r) + " is " + r.state().label() + ": only an approver of " + r.envUpper()
                    + " can cancel it now.";
        }
        if (o instanceof StuckNeedsReason x) {
            DeployRequest r = x.request();
            return "Deploy " + what(r) + " is " + r.state().label() + ": cancelling it needs a reason of 1 to "
                    + x.max() + " characters: `/deploy cancel " + r.id() + " -- <reason>`.";
        }
        if (o instanceof NotRunner x) {
            DeployRequest r = x.request();
            return "Only the runner " + user(r.runnerId()) + " or the requester " + user(r.requesterId())
                    + " starts deploy " + what(r) + ".";
        }
        if (o instanceof NeedsGo x) {
            return "Deploy " + what(x.request()) + " needs a go from an approver before it starts.";
        }
        if (o instanceof ChecklistOpen x) {
            return "Deploy " + what(x.request()) + " waits for its checklist: tick " + DeployWords.items(x.unticked())
                    + " first, then press *Start*.";
        }
        if (o instanceof MayNotTick x) {
            DeployRequest r = x.request();
            return "Only the requester " + user(r.requesterId()) + ", the runner " + user(r.runnerId())
                    + " or an approver for " + r.envUpper() + " (" + approverList(x.approvers())
                    + ") ticks the checklist of deploy " + what(r) + ". Nothing was changed.";
        }
        if (o instanceof StartFailed x) {
            return "Could not start the build: " + x.reason() + ".";
        }
        if (o instanceof BuildChangesNothing x) {
            return "Deploy " + what(x.request()) + " is " + x.request().state().label() + "; "
                    + x.event().name().toLowerCase(Locale.ROOT) + " changes nothing.";
        }
        if (o instanceof NothingBlocks x) {
            return "Nothing blocks deploy " + what(x.request()) + ": no override needed.";
        }
        if (o instanceof AnnounceFailed x) {
            return "Could not post the go/no-go message to " + x.channel() + " (" + x.error() + "), so deploy #" + x.id()
                    + " was cancelled. Invite me to the channel or fix its name in the team config, then ask again.";
        }
        if (o instanceof BadInput x) {
            return InputWords.say(x.problem());
        }
        return lockRefusal(o);
    }

    private static String lockRefusal(DeployOutcome.Refused o) {
        if (o instanceof LockNeedsReason x) {
            return "A lock needs a reason after `--` (at most " + x.max() + " characters), e.g. `/deploy lock "
                    + x.service() + " " + x.environment() + " -- database migration`.";
        }
        if (o instanceof AlreadyLocked x) {
            var l = x.lock();
            return Mrkdwn.escape(l.service()) + " in " + Mrkdwn.escape(upper(l.environment())) + " is already locked by "
                    + user(l.lockedBy()) + ": " + Mrkdwn.escape(l.reason());
        }
        if (o instanceof LockRace x) {
            return x.service() + " in " + upper(x.environment())
                    + (x.unlocking() ? " was unlocked a moment ago." : " was locked a moment ago by someone else.");
        }
        if (o instanceof NotLocked x) {
            return x.service() + " in " + upper(x.environment()) + " is not locked.";
        }
        NotLockHolder x = (NotLockHolder) o;
        return "Only " + user(x.lock().lockedBy()) + ", who locked it, or an approver for " + upper(x.lock().environment())
                + " can unlock " + x.lock().service() + ".";
    }
}
