package dev.flightdeck.build.webhook;

import dev.flightdeck.deploy.InputProblem;
import dev.flightdeck.deploy.release.ReleaseOutcome;
import dev.flightdeck.deploy.release.ReleaseOutcome.AlreadyOpened;
import dev.flightdeck.deploy.release.ReleaseOutcome.BadInput;
import dev.flightdeck.deploy.release.ReleaseOutcome.NotAnnounced;
import dev.flightdeck.deploy.release.ReleaseOutcome.Opened;
import dev.flightdeck.deploy.release.ReleaseOutcome.ServiceResult;
import dev.flightdeck.deploy.release.ReleaseOutcome.Skipped;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What GitHub's delivery log shows for a release delivery (plain text: whoever set up the webhook reads it there).
 * Ignored deliveries get "ignored: " put in front by {@link IgnoredWebhooks}.
 */
final class GithubReleaseAnswers {

    private GithubReleaseAnswers() {
    }

    static String text(ReleaseOutcome outcome) {
        if (outcome instanceof ReleaseOutcome.NotPublished x) {
            return "release action " + x.action() + ": only a published release opens a deploy request";
        }
        if (outcome instanceof ReleaseOutcome.Draft) {
            return "a draft release opens no deploy request (publish it)";
        }
        if (outcome instanceof ReleaseOutcome.Prerelease) {
            return "a prerelease opens no deploy request";
        }
        if (outcome instanceof ReleaseOutcome.Unreadable x) {
            return "no " + x.missing() + " in this release delivery";
        }
        if (outcome instanceof ReleaseOutcome.NoService x) {
            return "no service has repo " + x.repository() + " in the team file";
        }
        if (outcome instanceof ReleaseOutcome.AllSkipped x) {
            return lines(x.skipped());
        }
        List<ServiceResult> results = ((ReleaseOutcome.PerService) outcome).results();
        long opened = results.stream().filter(r -> r instanceof Opened).count();
        String each = lines(results);
        return results.size() > 1 ? "one request per service of this repository (" + opened + " opened): " + each : each;
    }

    private static String lines(List<ServiceResult> results) {
        return results.stream().map(GithubReleaseAnswers::line).collect(Collectors.joining("; "));
    }

    private static String line(ServiceResult r) {
        if (r instanceof Opened x) {
            return "requested " + x.service() + " " + x.request().version() + " to "
                    + x.request().environment().toUpperCase(Locale.ROOT) + " as #" + x.request().id()
                    + (x.posted() ? "" : " (its go/no-go message is queued for Slack)");
        }
        if (r instanceof AlreadyOpened x) {
            return "already requested as #" + x.requestId() + " (" + r.service() + ")";
        }
        if (r instanceof NotAnnounced x) {
            return r.service() + ": could not post the go/no-go message to " + x.channel() + " (" + x.reason()
                    + "), so request #" + x.requestId() + " was cancelled; redeliver this release from GitHub once fixed";
        }
        if (r instanceof ReleaseOutcome.BeingOpened) {
            return r.service() + ": another delivery of this release is opening its request right now";
        }
        if (r instanceof BadInput x) {
            return r.service() + ": " + problem(x.problem());
        }
        Skipped s = (Skipped) r;
        return switch (s.reason()) {
            case NO_ON_RELEASE -> "service " + s.service() + " has no on-release in the team file";
            case NO_RUNNER -> "service " + s.service() + ": on-release names no runner and GitHub user " + s.detail()
                    + " is not in people: (add on-release.runner, or people." + s.detail() + ": <Slack user id>)";
        };
    }

    private static String problem(InputProblem p) {
        if (p instanceof InputProblem.BadVersion x) {
            return "the tag " + x.version() + " is not a version Flightdeck accepts (letters, digits, . _ + / -, up to 64)";
        }
        if (p instanceof InputProblem.NoSuchEnvironment x) {
            return "on-release names environment " + x.environment() + ", which is not in the team file";
        }
        return "the request was refused (" + p.getClass().getSimpleName() + ")";
    }
}
