package dev.flightdeck.deploy;

import dev.flightdeck.text.Durations;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * A deploy whose build went quiet must not hold its lock forever: a build its backend cannot
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
        announcer.reply(after.get(), new DeployNews.Build(BuildPhase.FAILED, label, r.runnerId(), r.buildUrl()));
        announcer.reply(after.get(), new DeployNews.BuildLost(silent, reason));
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
        announcer.reply(after.get(), new DeployNews.TriggerFound(label, url));
        return true;
    }

    /** A trigger that never finished (Flightdeck stopped between the start and recording the build). */
    public boolean triggerLost(DeployRequest r, Duration silent) {
        String reason = "the build trigger did not finish within " + Durations.format(silent)
                + " and no build of this deploy was found";
        Optional<DeployRequest> after = moves.apply(r, DeployEvent.TRIGGER_FAILED, BUILD_WATCH, reason);
        if (after.isEmpty()) {
            return false;
        }
        moves.show(r.id());
        announcer.reply(after.get(), new DeployNews.TriggerFailed(reason, true));
        return true;
    }

    /** {@code /deploy cancel <id> -- <reason>} on a deploy whose build is triggering or running: approvers only. */
    public DeployOutcome cancel(DeployRequest r, String userId, String reason) {
        if (policy.refusalToDecide(moves.environment(r), userId).isPresent()) {
            return new DeployOutcome.StuckNeedsApprover(r);
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > DeployService.MAX_REASON) {
            return new DeployOutcome.StuckNeedsReason(r, DeployService.MAX_REASON);
        }
        Optional<DeployRequest> after = moves.apply(r, DeployEvent.CANCEL, userId, why);
        if (after.isEmpty()) {
            return new DeployOutcome.NotWaiting(repository.find(r.id()).orElse(r));
        }
        moves.show(r.id());
        announcer.reply(after.get(), new DeployNews.StuckCancelled(userId, r.state(), why));
        return new DeployOutcome.StuckCancelled(after.get());
    }
}
