package dev.flightdeck.deploy;

import dev.flightdeck.audit.Auditor;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decisions on a deploy request: go, no-go, cancel; and the build's progress (from the build backends).
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

    /** The go's outcome and, when it was recorded, the go/no-go message's view as read and written under the row lock. */
    private record Go(DeployOutcome outcome, DeployView view) {
    }

    /** An approver's go. With enough approvals the request is APPROVED (and with auto-start, the build starts). */
    public DeployOutcome go(long id, String userId) {
        Optional<DeployRequest> read = repository.find(id);
        if (read.isEmpty()) {
            return new DeployOutcome.NoSuchRequest(id);
        }
        EnvironmentConfig env = moves.environment(read.get());
        Optional<DeployOutcome.Refused> refusal = policy.refusalToApprove(env, read.get(), userId);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        // Row-locked so that concurrent goes (replicas, double clicks) count approvals one at a time. The read above
        // only authorises (the approver directory may ask Slack, too slow to hold a row lock for).
        Go go = transactions.inTransaction(() -> goLocked(id, userId));
        if (go.outcome() instanceof DeployOutcome.GoRecorded partial) {
            moves.show(go.view());
            announcer.reply(partial.request(), new DeployNews.PartialGo(userId, partial.have()));
        } else if (go.outcome() instanceof DeployOutcome.Approved approved) {
            moves.show(go.view());
            // An open checklist holds the auto-start; read again outside the lock, as a tick may have just landed.
            List<String> open = !env.autoStart() || Checklist.complete(go.view().checklist()) ? List.of()
                    : Checklist.unticked(repository.checklist(id));
            if (!open.isEmpty()) {
                announcer.reply(approved.request(), new DeployNews.WaitsForChecklist(Optional.of(userId), open));
                return go.outcome();
            }
            // A check still holding the start (CI running): the build starts when it passes (DeployRechecks).
            List<String> held = go.view().checks().stream().filter(CheckResult::holding).map(CheckResult::name).toList();
            announcer.reply(approved.request(), new DeployNews.GoAhead(userId, env.autoStart(), held));
            if (env.autoStart() && held.isEmpty()) {
                starts.start(id, DeployAudit.POLICY);
            }
        }
        return go.outcome();
    }

    private Go goLocked(long id, String userId) {
        DeployRequest r = repository.findForUpdate(id).orElseThrow();
        if (!r.state().awaitsDecision()) {
            return new Go(new DeployOutcome.NotWaiting(r), null);
        }
        // Read once under the lock and handed on: the checks, the approvals, the checklist, the request itself.
        List<CheckResult> checks = repository.checks(id);
        List<CheckResult> blocking = checks.stream().filter(CheckResult::blocking).toList();
        if (!blocking.isEmpty()) {
            return new Go(new DeployOutcome.BlockedByChecks(r, blocking), null);
        }
        // One deploy at a time: the lock check ran at request time, but another request may have been approved since.
        boolean lockOff = !moves.environment(r).hasGate(Gate.LOCK)
                || checks.stream().anyMatch(c -> c.name().equals("lock") && c.overridden());
        Optional<DeployRequest> holder = lockOff ? Optional.empty()
                : repository.inFlight(r.service(), r.environment(), id);
        List<Approval> approvals = new java.util.ArrayList<>(repository.approvals(id));
        if (holder.isPresent() && r.approvalsRequired() <= approvals.size() + 1) {
            return new Go(new DeployOutcome.OneAtATime(holder.get()), null);
        }
        Approval mine = new Approval(id, userId, clock.instant());
        if (!repository.addApproval(mine)) {
            return new Go(new DeployOutcome.AlreadyWent(r), null);
        }
        // Every approval is written under this row lock, so the list read above plus this one is what is stored.
        approvals.add(mine);
        int have = approvals.size();
        auditor.record(DeployAudit.APPROVAL, userId, Map.of("request", id, "approvals", have,
                "required", r.approvalsRequired()));
        List<ChecklistItem> checklist = repository.checklist(id);
        if (have < r.approvalsRequired()) {
            return new Go(new DeployOutcome.GoRecorded(r, have), new DeployView(r, checks, approvals, checklist));
        }
        DeployRequest after = moves.apply(r, DeployEvent.GO, userId, null).orElseThrow(
                () -> new IllegalStateException("deploy #" + id + " changed under its row lock"));
        return new Go(new DeployOutcome.Approved(after), new DeployView(after, checks, approvals, checklist));
    }

    /** Whether {@code userId} may say no-go (asked before the reason form opens, and again on submit). */
    public DeployOutcome mayReject(long id, String userId) {
        Optional<DeployRequest> r = repository.find(id);
        if (r.isEmpty()) {
            return new DeployOutcome.NoSuchRequest(id);
        }
        if (!r.get().state().awaitsDecision()) {
            return new DeployOutcome.NotWaiting(r.get());
        }
        Optional<DeployOutcome.Refused> refusal = policy.refusalToDecide(moves.environment(r.get()), userId);
        return refusal.<DeployOutcome>map(x -> x).orElseGet(() -> new DeployOutcome.Allowed(r.get()));
    }

    public DeployOutcome noGo(long id, String userId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            return new DeployOutcome.ReasonLength(false, 1, MAX_REASON);
        }
        DeployOutcome may = mayReject(id, userId);
        if (!(may instanceof DeployOutcome.Allowed allowed)) {
            return may;
        }
        DeployRequest r = allowed.request();
        Optional<DeployRequest> after = moves.apply(r, DeployEvent.NO_GO, userId, why);
        if (after.isEmpty()) {
            return new DeployOutcome.NotWaiting(repository.find(id).orElse(r));
        }
        moves.show(id);
        announcer.reply(after.get(), new DeployNews.NoGo(userId, why));
        return new DeployOutcome.Rejected(after.get());
    }

    /** The requester or an approver cancels a request that has not started. */
    public DeployOutcome cancel(long id, String userId) {
        return cancel(id, userId, null);
    }

    /** The same; a deploy whose build is triggering or running only by an approver, with a reason (StuckBuilds). */
    public DeployOutcome cancel(long id, String userId, String reason) {
        Optional<DeployRequest> read = repository.find(id);
        if (read.isEmpty()) {
            return new DeployOutcome.NoSuchRequest(id);
        }
        DeployRequest r = read.get();
        if (r.state().isBuilding()) {
            return stuck.cancel(r, userId, reason);
        }
        if (!userId.equals(r.requesterId()) && policy.refusalToDecide(moves.environment(r), userId).isPresent()) {
            return new DeployOutcome.NotRequesterOrApprover(r);
        }
        Optional<DeployRequest> after = moves.apply(r, DeployEvent.CANCEL, userId, null);
        if (after.isEmpty()) {
            DeployRequest now = repository.find(id).orElse(r);
            return now.state().isFinal() ? new DeployOutcome.NotWaiting(now) : new DeployOutcome.AlreadyStarted(now);
        }
        moves.show(id);
        announcer.reply(after.get(), new DeployNews.Cancelled(userId));
        return new DeployOutcome.Cancelled(after.get());
    }

    /** The runner's Start (and Retry after a failed trigger). */
    public DeployOutcome start(long id, String userId) {
        return starts.start(id, userId);
    }

    public DeployOutcome retry(long id, String userId) {
        return starts.retry(id, userId);
    }

    /**
     * A build backend reports progress (webhook or polling): {@code event} is one of BUILD_RUNNING,
     * BUILD_SUCCEEDED, BUILD_FAILED, BUILD_ABORTED. Repeats and out-of-order reports change nothing.
     */
    public DeployOutcome buildStatus(long id, DeployEvent event, String buildLabel, String buildUrl) {
        return starts.buildStatus(id, event, buildLabel, buildUrl);
    }
}
