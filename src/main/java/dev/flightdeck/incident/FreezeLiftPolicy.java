package dev.flightdeck.incident;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.deploy.ApprovalPolicy;
import dev.flightdeck.deploy.ApproverDirectory;
import jakarta.inject.Singleton;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may lift a deploy freeze an incident holds. Lowering the severity below an environment's
 * freeze level, or resolving, opens that environment to deploys again: only the commander, or an approver of an
 * environment the incident freezes, may do that. Raising the severity, and changes that lift no freeze, stay open
 * to everyone. People are ids here; the Slack feature words the refusal.
 */
@Singleton
public class FreezeLiftPolicy {

    /** Whether a change may go ahead. */
    public sealed interface Decision {
    }

    public record Allowed() implements Decision {
    }

    /**
     * @param frozen       the environments the incident freezes now, in the team file's order
     * @param approvers    the approvers of those environments (user ids and user groups), without repeats
     * @param unverifiable true when the user groups could not be read, so being an approver could not be checked
     */
    public record Rejected(String incidentId, Severity severity, String commanderId, List<String> frozen,
                           List<ApproverRef> approvers, boolean unverifiable) implements Decision {
    }

    private final TeamConfig config;
    private final ApprovalPolicy approvals;

    public FreezeLiftPolicy(TeamConfig config, ApprovalPolicy approvals) {
        this.config = config;
        this.approvals = approvals;
    }

    /**
     * @param to the severity asked for; empty for resolving, which lifts every freeze the incident holds
     */
    public Decision check(Incident incident, Optional<Severity> to, String actor) {
        List<EnvironmentConfig> frozen = config.environments().values().stream()
                .filter(env -> env.hasGate(Gate.FREEZE) && env.frozenBy(incident.severity())).toList();
        List<EnvironmentConfig> lifted = frozen.stream().filter(env -> to.map(s -> !env.frozenBy(s)).orElse(true))
                .toList();
        if (lifted.isEmpty() || actor.equals(incident.commanderId())) {
            return new Allowed();
        }
        boolean unverifiable = false;
        for (EnvironmentConfig env : frozen) {
            try {
                if (approvals.isApprover(env, actor)) {
                    return new Allowed();
                }
            } catch (ApproverDirectory.DirectoryUnavailable e) {
                // Not knowing the groups' members is no licence: refuse, and say it could not be checked.
                unverifiable = true;
            }
        }
        Set<ApproverRef> approvers = new LinkedHashSet<>();
        frozen.forEach(env -> approvers.addAll(env.approvers()));
        return new Rejected(incident.id(), incident.severity(), incident.commanderId(),
                frozen.stream().map(EnvironmentConfig::name).toList(), List.copyOf(approvers), unverifiable);
    }
}
