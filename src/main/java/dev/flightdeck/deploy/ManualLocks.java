package dev.flightdeck.deploy;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.team.TeamConfig;
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
            return new DeployOutcome.LockNeedsReason(service, environment, DeployService.MAX_REASON);
        }
        Optional<ManualLock> existing = repository.lock(service, environment);
        if (existing.isPresent()) {
            return new DeployOutcome.AlreadyLocked(existing.get());
        }
        ManualLock lock = new ManualLock(service, environment, userId, why, clock.instant());
        if (!repository.addLock(lock)) {
            return new DeployOutcome.LockRace(service, environment, false);
        }
        auditor.record(DeployAudit.LOCKED, userId, Map.of("service", service, "environment", environment, "reason", why));
        return new DeployOutcome.Locked(lock);
    }

    public DeployOutcome unlock(String service, String environment, String userId) {
        Optional<ManualLock> existing = repository.lock(service, environment);
        if (existing.isEmpty()) {
            return new DeployOutcome.NotLocked(service, environment);
        }
        boolean mayUnlock = userId.equals(existing.get().lockedBy());
        if (!mayUnlock) {
            try {
                mayUnlock = config.environment(environment).map(e -> policy.isApprover(e, userId)).orElse(false);
            } catch (ApproverDirectory.DirectoryUnavailable e) {
                return new DeployOutcome.DirectoryDown(null);
            }
        }
        if (!mayUnlock) {
            return new DeployOutcome.NotLockHolder(existing.get());
        }
        if (!repository.removeLock(service, environment)) {
            return new DeployOutcome.LockRace(service, environment, true);
        }
        auditor.record(DeployAudit.UNLOCKED, userId, Map.of("service", service, "environment", environment,
                "lockedBy", existing.get().lockedBy(), "reason", existing.get().reason()));
        return new DeployOutcome.Unlocked(service, environment, userId);
    }
}
