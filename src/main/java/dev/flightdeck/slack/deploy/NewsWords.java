package dev.flightdeck.slack.deploy;

import dev.flightdeck.text.Durations;
import dev.flightdeck.deploy.BuildNews;
import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.DeployNews;
import dev.flightdeck.deploy.DeployNews.*;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.text.Mrkdwn;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static dev.flightdeck.slack.deploy.DeployWords.startCue;
import static dev.flightdeck.slack.deploy.DeployWords.user;
import static dev.flightdeck.slack.deploy.DeployWords.what;

/** What a deploy's thread is told: every {@link DeployNews} in words. */
final class NewsWords {
    private NewsWords() {
    }

    /** A build's start or result in the team's convention, with its colour. */
    static BuildNews build(DeployRequest r, Build b) {
        return BuildNews.of(b.status(), r.environment(), b.label(), user(b.who()), b.url());
    }

    /** @param mentions the approvers, mentioned so they are notified (group ids are Slack's to look up) */
    static String say(DeployRequest r, DeployNews n, Function<List<dev.flightdeck.deploy.ApproverRef>, String> mentions) {
        if (n instanceof PartialGo x) {
            return user(x.approverId()) + " said go (" + x.have() + " of " + r.approvalsRequired() + " approvals); waiting for "
                    + (r.approvalsRequired() - x.have()) + " more.";
        }
        if (n instanceof GoAhead x) {
            return user(x.approverId()) + " go ahead and run the " + r.envUpper() + " build\n" + startCue(x.autoStart(), r.runnerId(), x.heldBy());
        }
        if (n instanceof AnnounceOnlyGo x) {
            return "Announce only: no approval needed in " + r.envUpper() + ". "
                    + startCue(x.autoStart(), r.runnerId(), x.heldBy());
        }
        if (n instanceof WaitsForChecklist x) {
            String go = x.approverId().map(a -> user(a) + " go ahead and run the " + r.envUpper() + " build\n")
                    .orElse("Announce only: no approval needed in " + r.envUpper() + ". ");
            return go + "The build waits for the checklist: it starts by itself once every item is ticked. Still open: "
                    + DeployWords.items(x.unticked()) + ".";
        }
        if (n instanceof NoGo x) {
            return user(x.approverId()) + " no-go: " + Mrkdwn.escape(x.reason());
        }
        if (n instanceof Cancelled x) {
            return user(x.userId()) + " cancelled this deploy.";
        }
        if (n instanceof StuckCancelled x) {
            // The reason is the approver's own text, shown as they typed it, like a no-go reason.
            return user(x.approverId()) + " cancelled this deploy while its build was " + x.was().label() + ": "
                    + Mrkdwn.escape(x.reason()) + ". Flightdeck no longer follows that build, and the lock is free.";
        }
        if (n instanceof Overridden x) {
            return overridden(x.userId(), x.blocking(), x.reason());
        }
        if (n instanceof TriggerFailed x) {
            return "Could not start the " + r.envUpper() + " build of " + r.service() + " " + r.version() + ": " + x.reason()
                    + (x.lost() ? ". Check CI, then press *Retry* to start it again or cancel it." : ". Press *Retry* once that is fixed.");
        }
        if (n instanceof BuildLost x) {
            return "No news of this build for " + Durations.format(x.silent()) + ", and " + x.reason()
                    + ". Marked failed; " + r.service() + " in " + r.envUpper() + " is free to deploy again.";
        }
        if (n instanceof TriggerFound x) {
            return "Found this deploy's build, which Flightdeck lost track of while starting it: "
                    + x.label() + (x.url() == null ? "" : ". More info at: " + x.url());
        }
        if (n instanceof Expired x) {
            return "Deploy " + what(r) + " expired after " + Durations.format(x.after()) + " "
                    + (x.undecided() ? "without a decision" : "without being started") + ". Ask again with `/deploy "
                    + r.service() + " " + r.version() + " to " + r.environment() + "` if it is still wanted.";
        }
        if (n instanceof ApproversNudged x) {
            return mentions.apply(x.approvers()) + " deploy " + what(r) + ", requested by " + user(r.requesterId())
                    + ", has waited " + minutes(x.waited()) + " for a go/no-go.";
        }
        if (n instanceof RunnerNudged x) {
            return user(r.runnerId()) + " deploy " + what(r) + " was approved " + minutes(x.waited())
                    + " ago and has not been started: press *Start* when you run it, or cancel it.";
        }
        if (n instanceof Build x) {
            return build(r, x).text();
        }
        if (n instanceof Promoted x) {
            return PromoteWords.promoted(x);
        }
        if (n instanceof BuildExplained x) {
            return FailureWords.say(x.failure());
        }
        if (n instanceof CheckSettled x) {
            return CheckSettledWords.say(r, x);
        }
        return postRelease(r, (PostRelease) n);
    }

    static String overridden(String userId, List<CheckResult> blocking, String reason) {
        return user(userId) + " overrode " + DeployWords.checks(blocking) + "\nReason: " + Mrkdwn.escape(reason);
    }

    private static String postRelease(DeployRequest r, PostRelease p) {
        String check = "Post-release check of " + r.service() + " " + r.version() + " in " + r.envUpper();
        return switch (p.verdict()) {
            case SKIPPED -> check + " skipped: " + p.detail() + ".";
            case FAILED -> ":rotating_light: " + check + " FAILED: " + p.detail() + ". Consider `/deploy rollback "
                    + r.service() + " " + r.environment() + "`.";
            case PASSED -> check + " passed: " + p.detail() + " throughout " + p.watched().toMinutes() + " min.";
        };
    }

    private static String minutes(Duration d) {
        long m = Math.max(1, Math.round(d.toSeconds() / 60.0));
        return m >= 120 && m % 60 == 0 ? (m / 60) + " hours" : m + " minutes";
    }
}
