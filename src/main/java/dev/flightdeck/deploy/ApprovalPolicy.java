package dev.flightdeck.deploy;

import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Who may decide on a deploy to an environment: the configured approvers (user ids, or members of user groups),
 * never the requester where self-approval is off (prod by default), and how many goes it takes.
 */
@Singleton
public class ApprovalPolicy {

    private final ApproverDirectory directory;

    public ApprovalPolicy(ApproverDirectory directory) {
        this.directory = directory;
    }

    /** Why {@code userId} may not approve this request, or empty when they may. */
    public Optional<DeployOutcome.Refused> refusalToApprove(EnvironmentConfig env, DeployRequest request, String userId) {
        return refusalToApprove(env, request, userId, false);
    }

    /** The same for an override of the checks, which the requester may not give where they may not approve. */
    public Optional<DeployOutcome.Refused> refusalToOverride(EnvironmentConfig env, DeployRequest request, String userId) {
        return refusalToApprove(env, request, userId, true);
    }

    /**
     * The same rule for anything else decided like a deploy (a config change): {@code requesterId} asked for it.
     * {@code override}: the question is about overriding a check rather than a go.
     */
    public Optional<DeployOutcome.Refused> refusalToApprove(EnvironmentConfig env, String requesterId, String userId,
                                                            boolean override) {
        return refusalToApprove(env, env.name(), requesterId, userId, override);
    }

    private Optional<DeployOutcome.Refused> refusalToApprove(EnvironmentConfig env, DeployRequest request, String userId,
                                                             boolean override) {
        return refusalToApprove(env, request.environment(), request.requesterId(), userId, override);
    }

    private Optional<DeployOutcome.Refused> refusalToApprove(EnvironmentConfig env, String environment,
                                                             String requesterId, String userId, boolean override) {
        Optional<DeployOutcome.Refused> notApprover = refusalToDecide(env, userId);
        if (notApprover.isPresent()) {
            return notApprover;
        }
        if (!env.selfApproval() && userId.equals(requesterId)) {
            return Optional.of(new DeployOutcome.OwnRequest(environment, env.approvers(), override));
        }
        return Optional.empty();
    }

    /** Why {@code userId} is not an approver for the environment (no-go, override, cancel), or empty. */
    public Optional<DeployOutcome.Refused> refusalToDecide(EnvironmentConfig env, String userId) {
        try {
            return isApprover(env, userId) ? Optional.empty()
                    : Optional.of(new DeployOutcome.NotApprover(env.name(), env.approvers()));
        } catch (ApproverDirectory.DirectoryUnavailable e) {
            return Optional.of(new DeployOutcome.DirectoryDown(e.getMessage()));
        }
    }

    public boolean isApprover(EnvironmentConfig env, String userId) {
        for (ApproverRef ref : env.approvers()) {
            if (ref instanceof ApproverRef.User user && user.userId().equals(userId)) {
                return true;
            }
        }
        for (ApproverRef ref : env.approvers()) {
            if (ref instanceof ApproverRef.Group group && directory.members(group.handle()).contains(userId)) {
                return true;
            }
        }
        return false;
    }
}
