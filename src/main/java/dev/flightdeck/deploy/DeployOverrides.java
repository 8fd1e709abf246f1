package dev.flightdeck.deploy;

import dev.flightdeck.audit.Auditor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.flightdeck.deploy.DeployService.MAX_REASON;

/**
 * Break-glass: an approver overrides the checks blocking a request with a written reason,
 * which goes on the audit trail and into the message. The requester cannot override their own request where
 * self-approval is off.
 */
@Singleton
public class DeployOverrides {

    private final DeployRepository repository;
    private final DeployTransactions transactions;
    private final DeployMoves moves;
    private final ApprovalPolicy policy;
    private final DeployAnnouncer announcer;
    private final DeployStarts starts;
    private final Auditor auditor;
    private final List<OverrideGrant> grants;

    public DeployOverrides(DeployRepository repository, DeployTransactions transactions, DeployMoves moves,
                           ApprovalPolicy policy, DeployAnnouncer announcer, DeployStarts starts, Auditor auditor) {
        this(repository, transactions, moves, policy, announcer, starts, auditor, List.of());
    }

    /** {@code grants}: who else may let a request through (a shared slot's holder, past the slot check alone). */
    @jakarta.inject.Inject
    public DeployOverrides(DeployRepository repository, DeployTransactions transactions, DeployMoves moves,
                           ApprovalPolicy policy, DeployAnnouncer announcer, DeployStarts starts, Auditor auditor,
                           List<OverrideGrant> grants) {
        this.grants = List.copyOf(grants);
        this.repository = repository;
        this.transactions = transactions;
        this.moves = moves;
        this.policy = policy;
        this.announcer = announcer;
        this.starts = starts;
        this.auditor = auditor;
    }

    /** Whether {@code userId} may override the checks blocking the request (asked before the reason form opens). */
    public DeployOutcome mayOverride(long id, String userId) {
        Optional<DeployRequest> r = repository.find(id);
        if (r.isEmpty()) {
            return new DeployOutcome.NoSuchRequest(id);
        }
        List<CheckResult> checks = repository.checks(id);
        if (!overridable(r.get().state(), checks)) {
            return new DeployOutcome.NotWaiting(r.get());
        }
        if (checks.stream().noneMatch(CheckResult::stopsStart)) {
            return new DeployOutcome.NothingBlocks(r.get());
        }
        Optional<DeployOutcome.Refused> refusal = policy.refusalToOverride(moves.environment(r.get()), r.get(), userId)
                .filter(x -> !granted(r.get(), userId, checks));
        return refusal.<DeployOutcome>map(x -> x).orElseGet(() -> new DeployOutcome.Allowed(r.get()));
    }

    /** Overrides every check blocking the request, with a written reason. */
    public DeployOutcome override(long id, String userId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 3 || why.length() > MAX_REASON) {
            return new DeployOutcome.ReasonLength(true, 3, MAX_REASON);
        }
        Optional<DeployRequest> read = repository.find(id);
        if (read.isEmpty()) {
            return new DeployOutcome.NoSuchRequest(id);
        }
        Optional<DeployOutcome.Refused> refusal = policy.refusalToOverride(moves.environment(read.get()), read.get(), userId)
                .filter(x -> !granted(read.get(), userId, repository.checks(id)));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        DeployOutcome done = transactions.inTransaction(() -> {
            DeployRequest r = repository.findForUpdate(id).orElseThrow();
            List<CheckResult> checks = repository.checks(id);
            if (!overridable(r.state(), checks)) {
                return new DeployOutcome.NotWaiting(r);
            }
            List<CheckResult> blocking = checks.stream().filter(CheckResult::stopsStart).toList();
            if (blocking.isEmpty()) {
                return new DeployOutcome.NothingBlocks(r);
            }
            blocking.forEach(c -> repository.overrideCheck(id, c.name(), userId, why));
            List<String> names = blocking.stream().map(CheckResult::name).toList();
            auditor.record(DeployAudit.OVERRIDE, userId, Map.of("request", id, "checks", names, "reason", why,
                    "blocked", blocking.stream().map(CheckResult::text).toList()));
            return new DeployOutcome.Overridden(r, userId, blocking, why);
        });
        if (!(done instanceof DeployOutcome.Overridden overridden)) {
            return done;
        }
        DeployRequest r = overridden.request();
        moves.show(id);
        announcer.reply(r, new DeployNews.Overridden(userId, overridden.blocking(), why));
        if (r.state() == DeployState.APPROVED && moves.environment(r).autoStart()) {
            // The goes were in and only a check held the start (gate ci): with auto-start it starts now.
            starts.start(id, DeployAudit.POLICY);
        } else if (moves.environment(r).announceOnly()) {
            starts.announceOnlyGo(r);
        }
        return done;
    }

    private boolean granted(DeployRequest r, String userId, List<CheckResult> checks) {
        List<CheckResult> blocking = checks.stream().filter(CheckResult::stopsStart).toList();
        return grants.stream().anyMatch(g -> g.lets(r, userId, blocking));
    }

    /**
     * Before the goes; and once approved, while a check still holds the start (gate ci: CI running or turned red
     * after the goes), so the break-glass reaches it too.
     */
    private static boolean overridable(DeployState state, List<CheckResult> checks) {
        return state.awaitsDecision()
                || state == DeployState.APPROVED && checks.stream().anyMatch(CheckResult::stopsStart);
    }

}
