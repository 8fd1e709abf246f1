package dev.flightdeck.deploy;

import dev.flightdeck.config.Durations;
import dev.flightdeck.text.Mrkdwn;

import java.time.Duration;

/** The sentences the deploy flow says in Slack threads and ephemeral answers (mrkdwn). */
public final class DeployTexts {
    private DeployTexts() {
    }

    public static String what(DeployRequest r) {
        return "#" + r.id() + " (" + r.service() + " " + r.version() + " to " + r.envUpper() + ")";
    }

    public static String noSuchRequest(String id) {
        return "There is no deploy request #" + id + ". `/deploy status` lists the pending ones.";
    }

    /** Why a request that is not waiting for a decision cannot take one. */
    public static String notWaiting(DeployRequest r) {
        String by = r.stateActor() == null || r.stateActor().startsWith("system:") ? "" : " by <@" + r.stateActor() + ">";
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

    public static String goAhead(DeployRequest r, String approverId, boolean autoStart) {
        return "<@" + approverId + "> go ahead and run the " + r.envUpper() + " build"
                + (autoStart ? "\nStarting the build now." : "\n<@" + r.runnerId() + ">, press *Start* when you run it.");
    }

    public static String partialGo(DeployRequest r, String approverId, int have) {
        return "<@" + approverId + "> said go (" + have + " of " + r.approvalsRequired() + " approvals); waiting for "
                + (r.approvalsRequired() - have) + " more.";
    }

    public static String noGo(String approverId, String reason) {
        return "<@" + approverId + "> no-go: " + Mrkdwn.escape(reason);
    }

    /** The reason is the approver's own text, shown as they typed it, like a no-go reason. */
    public static String stuckCancelled(String approverId, DeployState was, String reason) {
        return "<@" + approverId + "> cancelled this deploy while its build was " + was.label() + ": " + Mrkdwn.escape(reason)
                + ". Flightdeck no longer follows that build, and the lock is free.";
    }

    public static String duration(Duration d) {
        return Durations.format(d);
    }
}
