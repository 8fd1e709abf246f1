package dev.flightdeck.deploy.flags;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.ApprovalPolicy;
import dev.flightdeck.deploy.DeployOutcome;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.team.TeamConfig;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The people's decisions on a flag request, authorised here (not only when buttons are drawn) by the environment's
 * deploy policy: approvers, how many goes, self-approval. Each lands through {@link FlagMoves} (one conditional write,
 * one audit event) and is told to the channel; the caller hears the outcome.
 */
final class FlagDecisions {

    private final TeamConfig team;
    private final ApprovalPolicy policy;
    private final FlagRepository repository;
    private final FlagAnnouncer news;
    private final FlagMoves moves;
    private final Auditor auditor;

    FlagDecisions(TeamConfig team, ApprovalPolicy policy, FlagRepository repository, FlagAnnouncer news,
                  FlagMoves moves, Auditor auditor) {
        this.team = team;
        this.policy = policy;
        this.repository = repository;
        this.news = news;
        this.moves = moves;
        this.auditor = auditor;
    }

    FlagOutcome go(long id, String userId) {
        Optional<FlagRequest> read = repository.find(id);
        if (read.isEmpty()) {
            return new FlagOutcome.NoSuchRequest(id);
        }
        FlagRequest r = read.get();
        if (!r.state().awaitsDecision()) {
            return new FlagOutcome.NotWaiting(r);
        }
        EnvironmentConfig env = environment(r);
        Optional<FlagOutcome.Refused> refusal = policy.refusalToApprove(env, r.requesterId(), userId, false)
                .map(FlagDecisions::refused);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (!repository.addApproval(id, userId)) {
            return new FlagOutcome.AlreadyApproved(r);
        }
        // Read again: the approvals stored now are what counts (another approver may have gone meanwhile).
        FlagRequest now = repository.find(id).orElseThrow();
        int have = now.approvedBy().size();
        int need = Math.max(1, env.approvals());
        Map<String, Object> payload = FlagMoves.payload(now);
        payload.put("approvals", have);
        payload.put("required", need);
        auditor.record(FlagAudit.APPROVAL, userId, payload);
        if (have < need) {
            news.changed(now, new FlagNews.GoRecorded(userId, have, need));
            return new FlagOutcome.GoRecorded(now, have, need);
        }
        Optional<FlagRequest> applying = moves.apply(now, FlagEvent.GO, userId);
        if (applying.isEmpty()) {
            // Another last go (a second approver at the same moment) moved it first; that one applies it.
            return new FlagOutcome.NotWaiting(repository.find(id).orElse(now));
        }
        news.changed(applying.get(), new FlagNews.Applying(userId));
        return new FlagOutcome.Applying(applying.get());
    }

    FlagOutcome noGo(long id, String userId) {
        Optional<FlagRequest> read = repository.find(id);
        if (read.isEmpty()) {
            return new FlagOutcome.NoSuchRequest(id);
        }
        FlagRequest r = read.get();
        if (!r.state().awaitsDecision()) {
            return new FlagOutcome.NotWaiting(r);
        }
        Optional<FlagOutcome.Refused> refusal = policy.refusalToDecide(environment(r), userId)
                .map(FlagDecisions::refused);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return moves.apply(r, FlagEvent.NO_GO, userId).<FlagOutcome>map(after -> {
            news.changed(after, new FlagNews.Rejected(userId));
            return new FlagOutcome.Rejected(after);
        }).orElseGet(() -> new FlagOutcome.NotWaiting(repository.find(id).orElse(r)));
    }

    /** The requester or an approver; while it waits for a decision, or after a failed call to the provider. */
    FlagOutcome cancel(long id, String userId) {
        return byRequesterOrApprover(id, userId, FlagEvent.CANCEL, new FlagNews.Cancelled(userId),
                FlagOutcome.Cancelled::new);
    }

    /** A FAILED flip tried again by the requester or an approver; the caller applies it after the ack. */
    FlagOutcome retry(long id, String userId) {
        return byRequesterOrApprover(id, userId, FlagEvent.RETRY, new FlagNews.Retried(userId),
                FlagOutcome.Applying::new);
    }

    private FlagOutcome byRequesterOrApprover(long id, String userId, FlagEvent event, FlagNews said,
                                              Function<FlagRequest, FlagOutcome> answer) {
        Optional<FlagRequest> read = repository.find(id);
        if (read.isEmpty()) {
            return new FlagOutcome.NoSuchRequest(id);
        }
        FlagRequest r = read.get();
        if (FlagTransitions.next(r.state(), event).isEmpty()) {
            return new FlagOutcome.NotWaiting(r);
        }
        EnvironmentConfig env = environment(r);
        if (!userId.equals(r.requesterId()) && !env.announceOnly() && policy.refusalToDecide(env, userId).isPresent()) {
            return new FlagOutcome.NotRequesterOrApprover(r);
        }
        return moves.apply(r, event, userId).map(after -> {
            news.changed(after, said);
            return answer.apply(after);
        }).orElseGet(() -> new FlagOutcome.NotWaiting(repository.find(id).orElse(r)));
    }

    static FlagOutcome.Refused refused(DeployOutcome.Refused refusal) {
        if (refusal instanceof DeployOutcome.NotApprover n) {
            return new FlagOutcome.NotApprover(n.environment(), n.approvers());
        }
        if (refusal instanceof DeployOutcome.OwnRequest o) {
            return new FlagOutcome.OwnRequest(o.environment(), o.approvers());
        }
        if (refusal instanceof DeployOutcome.DirectoryDown d) {
            return new FlagOutcome.DirectoryDown(d.detail());
        }
        throw new IllegalStateException("the approval policy answered " + refusal.getClass().getSimpleName());
    }

    private EnvironmentConfig environment(FlagRequest r) {
        return team.environment(r.environment()).orElseThrow(() -> new IllegalStateException("environment "
                + r.environment() + " of flag request " + r.number() + " is no longer in the team config"));
    }
}
