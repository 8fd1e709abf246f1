package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.people.GithubPerson;
import dev.flightdeck.text.Mrkdwn;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The phrases the deploy flow's answers and thread replies share (Slack mrkdwn). */
final class DeployWords {
    private DeployWords() {
    }

    static String what(DeployRequest r) {
        return "#" + r.id() + " (" + r.service() + " " + r.version() + " to " + r.envUpper() + ")";
    }

    /** A Slack user as a mention; a release author known only on GitHub ({@code github:octocat}) as "octocat on GitHub". */
    static String user(String userId) {
        return GithubPerson.plainName(userId).map(Mrkdwn::escape).orElseGet(() -> "<@" + userId + ">");
    }

    static String upper(String environment) {
        return environment.toUpperCase(Locale.ROOT);
    }

    static String noSuchRequest(long id) {
        return "There is no deploy request #" + id + ". `/deploy status` lists the pending ones.";
    }

    /** Why a request that is not waiting for a decision cannot take one. */
    static String notWaiting(DeployRequest r) {
        String by = r.stateActor() == null || r.stateActor().startsWith("system:") ? "" : " by " + user(r.stateActor());
        switch (r.state()) {
            case APPROVED:
                return "Deploy " + what(r) + " is already approved" + by + "; nothing left to decide.";
            case TRIGGERING:
            case RUNNING:
                return "Deploy " + what(r) + " has already started.";
            case TRIGGER_FAILED:
                return "Deploy " + what(r) + " was approved; its build could not be started (press *Retry*).";
            default:
                return "Deploy " + what(r) + " is already finished: " + r.state().label() + by + ".";
        }
    }

    /** The approvers as a list to read (group handles as written, not pinged): {@code <@U0LEAD>, @release-managers}. */
    static String approverList(List<ApproverRef> approvers) {
        return approvers.stream()
                .map(ref -> ref instanceof ApproverRef.User u ? user(u.userId()) : ref.text())
                .collect(Collectors.joining(", "));
    }

    /** Blocking checks as named in answers: {@code *lock* (…), *window* (…)}. */
    static String checks(List<CheckResult> checks) {
        return checks.stream().map(c -> "*" + c.name() + "* (" + c.text() + ")").collect(Collectors.joining(", "));
    }

    /** Checklist items as named in answers, escaped (items may be typed text): {@code “a”, “b”}. */
    static String items(List<String> items) {
        return items.stream().map(i -> "“" + dev.flightdeck.text.Mrkdwn.escape(i) + "”").collect(Collectors.joining(", "));
    }

    /** The runner's cue once a deploy may start. */
    static String startCue(boolean autoStart, String runnerId) {
        return autoStart ? "Starting the build now." : user(runnerId) + ", press *Start* when you run it.";
    }

    /** The same, while checks still hold the start (CI running): nobody is told to press a Start that is refused. */
    static String startCue(boolean autoStart, String runnerId, List<String> heldBy) {
        if (heldBy.isEmpty()) {
            return startCue(autoStart, runnerId);
        }
        String waits = heldBy.stream().map(c -> "*" + c + "*").collect(Collectors.joining(", "));
        return autoStart ? "The build starts by itself once " + waits + " passes."
                : user(runnerId) + ", press *Start* once " + waits + " passes.";
    }
}
