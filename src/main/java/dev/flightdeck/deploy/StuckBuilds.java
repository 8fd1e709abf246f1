package dev.flightdeck.deploy;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * A deploy whose build went quiet must not hold its lock forever (DESIGN section 10): a build its backend cannot
 * find ends FAILED, a trigger a crash left unfinished ends TRIGGER_FAILED with Retry, and an approver may cancel a
 * build that is stuck, with a reason. Each is one conditional transition, so with several replicas exactly one of
 * them moves the deploy and posts about it.
 */
@Singleton
public class StuckBuilds {

    /** Who moves a deploy whose build was lost: the build watch, on the audit trail. */
    public static final String BUILD_WATCH = "system:build-watch";

    private final DeployRepository repository;
    private final DeployMoves moves;
    private final ApprovalPolicy policy;
    private final DeployAnnouncer announcer;

    public StuckBuilds(DeployRepository repository, DeployMoves moves, ApprovalPolicy policy, DeployAnnouncer announcer) {
        this.repository = repository;
        this.moves = moves;
        this.policy = policy;
        this.announcer = announcer;
    }

    /** The backend has no such build: the deploy fails with {@code reason} and its lock is free. */
    public boolean buildLost(DeployRequest r, Duration silent, String reason) {
        Optional<DeployRequest> after = moves.apply(r, DeployEvent.BUILD_FAILED, BUILD_WATCH, reason);
        if (after.isEmpty()) {
            return false;
        }
        moves.show(r.id());
        String label = r.buildLabel() == null ? r.service() + " build" : r.buildLabel();
        announcer.buildNews(after.get(), BuildNews.of(BuildPhase.FAILED, r.environment(), label,
                "<@" + r.runnerId() + ">", r.buildUrl()));
        announcer.reply(after.get(), "No news of this build for " + DeployTexts.duration(silent) + ", and " + reason
                + ". Marked failed; " + r.service() + " in " + r.envUpper() + " is free to deploy again.");
        return true;
    }

    /** The backend has the build a lost trigger started: the deploy follows it from now on. */
    public boolean triggerFound(DeployRequest r, String label, String url) {
        repository.saveBuild(r.id(), label, url);
        Optional<DeployRequest> after = moves.apply(r.withBuild(label, url), DeployEvent.BUILD_RUNNING, BUILD_WATCH, null);
        if (after.isEmpty()) {
            return false;
        }
        moves.show(r.id());
        announcer.reply(after.get(), "Found this deploy's build, which Flightdeck lost track of while starting it: "
                + label + (url == null ? "" : ". More info at: " + url));
        return true;
    }

    /** A trigger that never finished (Flightdeck stopped between the start and recording the build). */
    public boolean triggerLost(DeployRequest r, Duration silent) {
        String reason = "the build trigger did not finish within " + DeployTexts.duration(silent)
                + " and no build of this deploy was found";
        Optional<DeployRequest> after = moves.apply(r, DeployEvent.TRIGGER_FAILED, BUILD_WATCH, reason);
        if (after.isEmpty()) {
            return false;
        }
        moves.show(r.id());
        announcer.reply(after.get(), "Could not start the " + r.envUpper() + " build of " + r.service() + " "
                + r.version() + ": " + reason + ". Check CI, then press *Retry* to start it again or cancel it.");
        return true;
    }

    /** {@code /deploy cancel <id> -- <reason>} on a deploy whose build is triggering or running: approvers only. */
    public DeployOutcome cancel(DeployRequest r, String userId, String reason) {
        Optional<String> refusal = DeployService.authorise(() -> policy.refusalToDecide(moves.environment(r), userId));
        if (refusal.isPresent()) {
            return DeployOutcome.refused("Deploy " + DeployTexts.what(r) + " is " + r.state().label()
                    + ": only an approver of " + r.envUpper() + " can cancel it now.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > DeployService.MAX_REASON) {
            return DeployOutcome.refused("Deploy " + DeployTexts.what(r) + " is " + r.state().label()
                    + ": cancelling it needs a reason of 1 to " + DeployService.MAX_REASON + " characters: `/deploy cancel "
                    + r.id() + " -- <reason>`.");
        }
        Optional<DeployRequest> after = moves.apply(r, DeployEvent.CANCEL, userId, why);
        if (after.isEmpty()) {
            return DeployOutcome.refused(DeployTexts.notWaiting(repository.find(r.id()).orElse(r)));
        }
        moves.show(r.id());
        announcer.reply(after.get(), DeployTexts.stuckCancelled(userId, r.state(), why));
        return new DeployOutcome.Done("Cancelled deploy " + DeployTexts.what(r) + ". Stop its build in CI if it is"
                + " still running: Flightdeck no longer follows it.", after.get());
    }
}
