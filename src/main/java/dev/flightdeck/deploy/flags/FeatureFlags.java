package dev.flightdeck.deploy.flags;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.ApprovalPolicy;
import dev.flightdeck.incident.IncidentTimeline;
import dev.flightdeck.incident.OpenIncidents;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/**
 * The feature-flag use cases (DESIGN.md section 15): look at a flag, ask for a flip, decide (go, no-go, cancel,
 * retry), apply. Each decision is one read, one conditional write, one audit event and news to the channel through
 * {@link FlagAnnouncer}. The provider is slow and remote: callers run {@link #show}, {@link #request} and
 * {@link #apply} after the Slack ack.
 */
@Singleton
public class FeatureFlags {

    private final FlagRequests requests;
    private final FlagDecisions decisions;
    private final FlagApplier applier;
    private final FlagMoves moves;

    public FeatureFlags(TeamConfig team, ApprovalPolicy policy, Auditor auditor, Clock clock, FlagRepository repository,
                        FlagProvider provider, FlagAnnouncer news, OpenIncidents incidents, IncidentTimeline timeline) {
        this.moves = new FlagMoves(repository, auditor, clock);
        this.requests = new FlagRequests(team, provider, repository, news, moves, incidents, auditor, clock);
        this.decisions = new FlagDecisions(team, policy, repository, news, moves, auditor);
        this.applier = new FlagApplier(team, repository, provider, news, moves, timeline, clock);
    }

    /** The flag's state in one environment, or in every environment of the team file. */
    public FlagOutcome show(String userId, String flagKey, Optional<String> environment) {
        return requests.show(flagKey, environment);
    }

    /** {@code /deploy flag <key> on|off in <env>}: posted for the approvers, or applied at once (kill switch). */
    public FlagOutcome request(String userId, String flagKey, boolean on, String environment) {
        return requests.request(userId, flagKey, environment, on);
    }

    public FlagOutcome go(long id, String userId) {
        return decisions.go(id, userId);
    }

    public FlagOutcome noGo(long id, String userId) {
        return decisions.noGo(id, userId);
    }

    public FlagOutcome cancel(long id, String userId) {
        return decisions.cancel(id, userId);
    }

    public FlagOutcome retry(long id, String userId) {
        return decisions.retry(id, userId);
    }

    /** Calls the provider for a request in APPLYING and tells the channel. Does nothing in any other state. */
    public void apply(long id) {
        applier.apply(id);
    }

    FlagApplier applier() {
        return applier;
    }

    FlagMoves moves() {
        return moves;
    }
}
