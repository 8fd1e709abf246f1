package dev.flightdeck.deploy;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.text.Mrkdwn;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /deploy lock} and {@code unlock}. Anyone may lock (stopping deploys is always safe); the person who locked
 * or an approver of the environment may unlock.
 */
@Singleton
public class ManualLocks {

    private final DeployRepository repository;
    private final ApprovalPolicy policy;
    private final TeamConfig config;
    private final Auditor auditor;
    private final Clock clock;

    public ManualLocks(DeployRepository repository, ApprovalPolicy policy, TeamConfig config, Auditor auditor,
                       Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.config = config;
        this.auditor = auditor;
        this.clock = clock;
    }

    public DeployOutcome lock(String service, String environment, String userId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > DeployService.MAX_REASON) {
            return DeployOutcome.refused("A lock needs a reason after `--` (at most " + DeployService.MAX_REASON
                    + " characters), e.g. `/deploy lock " + service + " " + environment + " -- database migration`.");
        }
        String env = environment.toUpperCase(java.util.Locale.ROOT);
        Optional<ManualLock> existing = repository.lock(service, environment);
        if (existing.isPresent()) {
            return DeployOutcome.refused(Mrkdwn.escape(service) + " in " + Mrkdwn.escape(env) + " is already locked by <@"
                    + existing.get().lockedBy() + ">: " + Mrkdwn.escape(existing.get().reason()));
        }
        if (!repository.addLock(new ManualLock(service, environment, userId, why, clock.instant()))) {
            return DeployOutcome.refused(service + " in " + env + " was locked a moment ago by someone else.");
        }
        auditor.record(DeployAudit.LOCKED, userId, Map.of("service", service, "environment", environment, "reason", why));
        return new DeployOutcome.Done(":lock: <@" + userId + "> locked " + Mrkdwn.escape(service) + " in "
                + Mrkdwn.escape(env) + ": " + Mrkdwn.escape(why)
                + "\nDeploys are blocked until `/deploy unlock " + service + " " + environment + "`.", null);
    }

    public DeployOutcome unlock(String service, String environment, String userId) {
        String env = environment.toUpperCase(java.util.Locale.ROOT);
        Optional<ManualLock> existing = repository.lock(service, environment);
        if (existing.isEmpty()) {
            return DeployOutcome.refused(service + " in " + env + " is not locked.");
        }
        boolean mayUnlock = userId.equals(existing.get().lockedBy());
        if (!mayUnlock) {
            try {
                mayUnlock = config.environment(environment).map(e -> policy.isApprover(e, userId)).orElse(false);
            } catch (ApproverDirectory.DirectoryUnavailable e) {
                return DeployOutcome.refused("Could not check who the approvers are right now; try again in a minute.");
            }
        }
        if (!mayUnlock) {
            return DeployOutcome.refused("Only <@" + existing.get().lockedBy() + ">, who locked it, or an approver for "
                    + env + " can unlock " + service + ".");
        }
        if (!repository.removeLock(service, environment)) {
            return DeployOutcome.refused(service + " in " + env + " was unlocked a moment ago.");
        }
        auditor.record(DeployAudit.UNLOCKED, userId, Map.of("service", service, "environment", environment,
                "lockedBy", existing.get().lockedBy(), "reason", existing.get().reason()));
        return new DeployOutcome.Done(":unlock: <@" + userId + "> unlocked " + service + " in " + env + ".", null);
    }
}
