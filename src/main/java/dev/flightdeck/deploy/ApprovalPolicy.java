package dev.flightdeck.deploy;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.deploy.EnvironmentConfig;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.stream.Collectors;

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
    public Optional<String> refusalToApprove(EnvironmentConfig env, DeployRequest request, String userId) {
        Optional<String> notApprover = refusalToDecide(env, userId);
        if (notApprover.isPresent()) {
            return notApprover;
        }
        if (!env.selfApproval() && userId.equals(request.requesterId())) {
            return Optional.of("You requested this deploy, and self-approval is off in "
                    + request.envUpper() + ": another approver (" + approvers(env) + ") has to say go.");
        }
        return Optional.empty();
    }

    /** Why {@code userId} is not an approver for the environment (no-go, override), or empty. */
    public Optional<String> refusalToDecide(EnvironmentConfig env, String userId) {
        if (isApprover(env, userId)) {
            return Optional.empty();
        }
        String who = env.approvers().isEmpty() ? "nobody is configured" : approvers(env);
        return Optional.of("Only approvers for " + env.name().toUpperCase(java.util.Locale.ROOT) + " can decide ("
                + who + "), and you are not one of them.");
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

    /** The approvers, mentioned so they are notified: {@code <!subteam^S1|@release-managers> <@U0LEAD>}. */
    public String mentions(EnvironmentConfig env) {
        return env.approvers().stream().map(this::mention).collect(Collectors.joining(" "));
    }

    /** The approval rule in words, shown with the checks. */
    public String describe(EnvironmentConfig env) {
        if (env.announceOnly()) {
            return "announce only: no approval needed in " + env.name().toUpperCase(java.util.Locale.ROOT);
        }
        return env.approvals() + (env.approvals() == 1 ? " go" : " goes") + " needed from " + approvers(env)
                + (env.selfApproval() ? "" : "; the requester may not approve");
    }

    private String mention(ApproverRef ref) {
        return ref instanceof ApproverRef.User user ? "<@" + user.userId() + ">"
                : directory.mention(((ApproverRef.Group) ref).handle());
    }

    private static String approvers(EnvironmentConfig env) {
        return env.approvers().stream()
                .map(ref -> ref instanceof ApproverRef.User user ? "<@" + user.userId() + ">" : ref.text())
                .collect(Collectors.joining(", "));
    }
}
