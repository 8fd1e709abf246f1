package dev.flightdeck.deploy;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.EnvironmentConfig;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decisions on a deploy request: go, no-go, override, cancel; and the build's progress (from the build backends).
 * Each is authorised here (not only when buttons are rendered) and lands through the one transition table.
 */
@Singleton
public class DeployService {

    public static final int MAX_REASON = 500;

    private final DeployRepository repository;
    private final DeployTransactions transactions;
    private final DeployMoves moves;
    private final ApprovalPolicy policy;
    private final DeployAnnouncer announcer;
    private final DeployStarts starts;
    private final StuckBuilds stuck;
    private final Auditor auditor;
    private final Clock clock;

    public DeployService(DeployRepository repository, DeployTransactions transactions, DeployMoves moves,
                         ApprovalPolicy policy, DeployAnnouncer announcer, DeployStarts starts, StuckBuilds stuck,
                         Auditor auditor, Clock clock) {
        this.stuck = stuck;
        this.repository = repository;
        this.transactions = transactions;
        this.moves = moves;
        this.policy = policy;
        this.announcer = announcer;
        this.starts = starts;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** The go's outcome and, when it was recorded, the go/no-go message's view as written under the row lock. */
    private record Go(DeployOutcome outcome, DeployRequest request, int approvals, boolean approved, DeployView view) {
    }

    /** An approver's go. With enough approvals the request is APPROVED (and with auto-start, the build starts). */
    public DeployOutcome go(long id, String userId) {
        Optional<DeployRequest> read = repository.find(id);
        if (read.isEmpty()) {
            return DeployOutcome.refused(DeployTexts.noSuchRequest(String.valueOf(id)));
        }
        EnvironmentConfig env = moves.environment(read.get());
        Optional<String> refusal = authorise(() -> policy.refusalToApprove(env, read.get(), userId));
        if (refusal.isPresent()) {
            return DeployOutcome.refused(refusal.get());
        }
        // Row-locked so that concurrent goes (replicas, double clicks) count approvals one at a time. The read above
        // only authorises (the approver directory may ask Slack, too slow to hold a row lock for).
        Go go = transactions.inTransaction(() -> goLocked(id, userId));
        if (go.outcome().refused()) {
            return go.outcome();
        }
        moves.show(go.view());
        DeployRequest r = go.request();
        if (!go.approved()) {
            announcer.reply(r, DeployTexts.partialGo(r, userId, go.approvals()));
            return go.outcome();
        }
        announcer.reply(r, DeployTexts.goAhead(r, userId, env.autoStart()));
        if (env.autoStart()) {
            starts.start(id, DeployAudit.POLICY);
        }
        return go.outcome();
    }

    private Go goLocked(long id, String userId) {
        DeployRequest r = repository.findForUpdate(id).orElseThrow();
        if (!r.state().awaitsDecision()) {
            return new Go(DeployOutcome.refused(DeployTexts.notWaiting(r)), r, 0, false, null);
        }
        // Read once under the lock and handed on: the checks, the approvals, the request itself.
        List<CheckResult> checks = repository.checks(id);
        List<CheckResult> blocking = checks.stream().filter(CheckResult::blocking).toList();
        if (!blocking.isEmpty()) {
            return new Go(DeployOutcome.refused("Deploy " + DeployTexts.what(r) + " is blocked by " + describe(blocking)
                    + ". An approver can override that with a written reason (*Override*), then say go."), r, 0, false, null);
        }
        // One deploy at a time: the lock check ran at request time, but another request may have been approved since.
        boolean lockOff = !moves.environment(r).hasGate(dev.flightdeck.deploy.Gate.LOCK) || checks.stream()
                .anyMatch(c -> c.name().equals("lock") && c.overridden());
        Optional<DeployRequest> holder = lockOff ? Optional.empty()
                : repository.inFlight(r.service(), r.environment(), id);
        List<Approval> approvals = new java.util.ArrayList<>(repository.approvals(id));
        if (holder.isPresent() && r.approvalsRequired() <= approvals.size() + 1) {
            return new Go(DeployOutcome.refused("Deploy " + DeployTexts.what(holder.get()) + " is "
                    + holder.get().state().label() + "; one deploy at a time. Say go again when it has finished."), r, 0, false, null);
        }
        Approval mine = new Approval(id, userId, clock.instant());
        if (!repository.addApproval(mine)) {
            return new Go(DeployOutcome.refused("You already said go on deploy " + DeployTexts.what(r) + "."), r, 0, false, null);
        }
        // Every approval is written under this row lock, so the list read above plus this one is what is stored.
        approvals.add(mine);
        int have = approvals.size();
        auditor.record(DeployAudit.APPROVAL, userId, Map.of("request", id, "approvals", have,
                "required", r.approvalsRequired()));
        if (have < r.approvalsRequired()) {
            return new Go(new DeployOutcome.Done("Go recorded: " + have + " of " + r.approvalsRequired()
                    + " approvals for deploy " + DeployTexts.what(r) + ".", r), r, have, false, new DeployView(r, checks, approvals));
        }
        DeployRequest after = moves.apply(r, DeployEvent.GO, userId, null).orElseThrow(
                () -> new IllegalStateException("deploy #" + id + " changed under its row lock"));
        return new Go(new DeployOutcome.Done("Approved deploy " + DeployTexts.what(r) + ".", after), after, have, true,
                new DeployView(after, checks, approvals));
    }

    /** Whether {@code userId} may say no-go (asked before the reason form opens, and again on submit). */
    public DeployOutcome mayReject(long id, String userId) {
        Optional<DeployRequest> r = repository.find(id);
        if (r.isEmpty()) {
            return DeployOutcome.refused(DeployTexts.noSuchRequest(String.valueOf(id)));
        }
        if (!r.get().state().awaitsDecision()) {
            return DeployOutcome.refused(DeployTexts.notWaiting(r.get()));
        }
        Optional<String> refusal = authorise(() -> policy.refusalToDecide(moves.environment(r.get()), userId));
        return refusal.<DeployOutcome>map(DeployOutcome.Refused::new)
                .orElseGet(() -> new DeployOutcome.Done("", r.get()));
    }

    public DeployOutcome noGo(long id, String userId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            return DeployOutcome.refused("A no-go needs a reason of 1 to " + MAX_REASON + " characters.");
        }
        DeployOutcome may = mayReject(id, userId);
        if (may.refused()) {
            return may;
        }
        DeployRequest r = ((DeployOutcome.Done) may).request();
        Optional<DeployRequest> after = moves.apply(r, DeployEvent.NO_GO, userId, why);
        if (after.isEmpty()) {
            return DeployOutcome.refused(DeployTexts.notWaiting(repository.find(id).orElse(r)));
        }
        moves.show(id);
        announcer.reply(after.get(), DeployTexts.noGo(userId, why));
        return new DeployOutcome.Done("No-go recorded for deploy " + DeployTexts.what(r) + ".", after.get());
    }

    /** The requester or an approver cancels a request that has not started. */
    public DeployOutcome cancel(long id, String userId) {
        return cancel(id, userId, null);
    }

    /** The same; a deploy whose build is triggering or running only by an approver, with a reason (StuckBuilds). */
    public DeployOutcome cancel(long id, String userId, String reason) {
        Optional<DeployRequest> read = repository.find(id);
        if (read.isEmpty()) {
            return DeployOutcome.refused(DeployTexts.noSuchRequest(String.valueOf(id)));
        }
        DeployRequest r = read.get();
        if (r.state().isBuilding()) {
            return stuck.cancel(r, userId, reason);
        }
        if (!userId.equals(r.requesterId())) {
            Optional<String> refusal = authorise(() -> policy.refusalToDecide(moves.environment(r), userId));
            if (refusal.isPresent()) {
                return DeployOutcome.refused("Only the requester <@" + r.requesterId() + "> or an approver can cancel deploy "
                        + DeployTexts.what(r) + ".");
            }
        }
        Optional<DeployRequest> after = moves.apply(r, DeployEvent.CANCEL, userId, null);
        if (after.isEmpty()) {
            DeployRequest now = repository.find(id).orElse(r);
            return DeployOutcome.refused(now.state().isFinal() ? DeployTexts.notWaiting(now)
                    : "Deploy " + DeployTexts.what(now) + " has started (" + now.state().label() + ") and cannot be cancelled.");
        }
        moves.show(id);
        announcer.reply(after.get(), "<@" + userId + "> cancelled this deploy.");
        return new DeployOutcome.Done("Cancelled deploy " + DeployTexts.what(r) + ".", after.get());
    }

    /** The runner's Start (and Retry after a failed trigger). */
    public DeployOutcome start(long id, String userId) {
        return starts.start(id, userId);
    }

    public DeployOutcome retry(long id, String userId) {
        return starts.retry(id, userId);
    }

    /**
     * A build backend reports progress (webhook or polling, issue #4): {@code event} is one of BUILD_RUNNING,
     * BUILD_SUCCEEDED, BUILD_FAILED, BUILD_ABORTED. Repeats and out-of-order reports change nothing.
     */
    public DeployOutcome buildStatus(long id, DeployEvent event, String buildLabel, String buildUrl) {
        return starts.buildStatus(id, event, buildLabel, buildUrl);
    }

    static String describe(List<CheckResult> checks) {
        return checks.stream().map(c -> "*" + c.name() + "* (" + c.text() + ")").collect(Collectors.joining(", "));
    }

    static Optional<String> authorise(java.util.function.Supplier<Optional<String>> check) {
        try {
            return check.get();
        } catch (ApproverDirectory.DirectoryUnavailable e) {
            return Optional.of("Could not check who the approvers are right now (" + e.getMessage()
                    + "). Nothing was changed; try again in a minute.");
        }
    }
}
