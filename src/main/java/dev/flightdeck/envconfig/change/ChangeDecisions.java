package dev.flightdeck.envconfig.change;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.ApprovalPolicy;
import dev.flightdeck.deploy.DeployOutcome;
import dev.flightdeck.deploy.DeployService;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.team.TeamConfig;

import java.util.Map;
import java.util.Optional;

/**
 * The people's decisions on a change request, authorised here (not only when buttons are drawn) by the
 * environment's deploy policy: approvers, how many goes, self-approval. Each lands through {@link ChangeMoves} (one
 * conditional write, one audit event) and is told to the channel; the caller hears the outcome.
 */
final class ChangeDecisions {

    /** An override's reason, as long as a deploy override's. */
    static final int MIN_REASON = 3;
    static final int MAX_REASON = DeployService.MAX_REASON;

    private final TeamConfig team;
    private final ApprovalPolicy policy;
    private final ConfigChangeRepository repository;
    private final ConfigChangeNews news;
    private final ChangeMoves moves;
    private final Auditor auditor;

    ChangeDecisions(TeamConfig team, ApprovalPolicy policy, ConfigChangeRepository repository, ConfigChangeNews news,
                    ChangeMoves moves, Auditor auditor) {
        this.team = team;
        this.policy = policy;
        this.repository = repository;
        this.news = news;
        this.moves = moves;
        this.auditor = auditor;
    }

    ChangeOutcome go(long id, String userId) {
        Optional<ConfigChange> read = repository.find(id);
        if (read.isEmpty()) {
            return new ChangeOutcome.NoSuchChange(id);
        }
        ConfigChange c = read.get();
        if (!c.state().awaitsDecision()) {
            return new ChangeOutcome.NotWaiting(c);
        }
        EnvironmentConfig env = environment(c);
        Optional<ChangeOutcome.Refused> refusal = refusalToApprove(env, c, userId, false);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (c.blocked() && c.override().isEmpty()) {
            return new ChangeOutcome.BlockedByRules(c);
        }
        if (!repository.addApproval(id, userId)) {
            return new ChangeOutcome.AlreadyApproved(c);
        }
        // Read again: the approvals stored now are what counts (another approver may have gone meanwhile).
        ConfigChange now = repository.find(id).orElseThrow();
        int have = now.approvedBy().size();
        int need = approvalsNeeded(env);
        Map<String, Object> payload = ChangeMoves.payload(now);
        payload.put("approvals", have);
        payload.put("required", need);
        auditor.record(ChangeAudit.APPROVAL, userId, payload);
        if (have < need) {
            news.changed(now, new ChangeNews.GoRecorded(userId, have, need));
            return new ChangeOutcome.GoRecorded(now, have, need);
        }
        Optional<ConfigChange> applying = moves.apply(now, ChangeEvent.GO, userId);
        if (applying.isEmpty()) {
            // Another last go (a second approver at the same moment) moved it first; that one applies it.
            return new ChangeOutcome.NotWaiting(repository.find(id).orElse(now));
        }
        news.changed(applying.get(), new ChangeNews.Applying(userId));
        return new ChangeOutcome.Applying(applying.get());
    }

    ChangeOutcome noGo(long id, String userId) {
        Optional<ConfigChange> read = repository.find(id);
        if (read.isEmpty()) {
            return new ChangeOutcome.NoSuchChange(id);
        }
        ConfigChange c = read.get();
        if (!c.state().awaitsDecision()) {
            return new ChangeOutcome.NotWaiting(c);
        }
        Optional<ChangeOutcome.Refused> refusal = refusalToDecide(environment(c), userId);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return moves.apply(c, ChangeEvent.NO_GO, userId).<ChangeOutcome>map(after -> {
            news.changed(after, new ChangeNews.Rejected(userId));
            return new ChangeOutcome.Rejected(after);
        }).orElseGet(() -> new ChangeOutcome.NotWaiting(repository.find(id).orElse(c)));
    }

    /** The proposer or an approver; while it waits for a decision, or after a failed write. */
    ChangeOutcome cancel(long id, String userId) {
        return byProposerOrApprover(id, userId, ChangeEvent.CANCEL, new ChangeNews.Cancelled(userId),
                ChangeOutcome.Cancelled::new);
    }

    /** Break-glass: an approver lets a failing rule through with a written reason (never the proposer where self-approval is off). */
    ChangeOutcome override(long id, String userId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON || why.length() > MAX_REASON) {
            return new ChangeOutcome.ReasonLength(MIN_REASON, MAX_REASON);
        }
        Optional<ConfigChange> read = repository.find(id);
        if (read.isEmpty()) {
            return new ChangeOutcome.NoSuchChange(id);
        }
        ConfigChange c = read.get();
        if (!c.state().awaitsDecision()) {
            return new ChangeOutcome.NotWaiting(c);
        }
        if (!c.blocked() || c.override().isPresent()) {
            return new ChangeOutcome.NothingBlocks(c);
        }
        Optional<ChangeOutcome.Refused> refusal = refusalToApprove(environment(c), c, userId, true);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (!repository.override(id, userId, why)) {
            return new ChangeOutcome.NothingBlocks(repository.find(id).orElse(c));
        }
        ConfigChange after = repository.find(id).orElseThrow();
        Map<String, Object> payload = ChangeMoves.payload(after);
        payload.put("reason", why);
        payload.put("rules", after.rules().stream().filter(r -> r.key().equals(after.key()) && r.outcome().blocks())
                .map(r -> r.rule().label()).toList());
        auditor.record(ChangeAudit.OVERRIDE, userId, payload);
        news.changed(after, new ChangeNews.Overridden(userId, why));
        return new ChangeOutcome.Overridden(after);
    }

    /** A FAILED write tried again by the proposer or an approver; the caller runs the write after the ack. */
    ChangeOutcome retry(long id, String userId) {
        return byProposerOrApprover(id, userId, ChangeEvent.RETRY, new ChangeNews.Retried(userId),
                ChangeOutcome.Applying::new);
    }

    /** Cancel and retry: moves the request by {@code event} if the table allows it and the clicker may. */
    private ChangeOutcome byProposerOrApprover(long id, String userId, ChangeEvent event, ChangeNews said,
                                               java.util.function.Function<ConfigChange, ChangeOutcome> answer) {
        Optional<ConfigChange> read = repository.find(id);
        if (read.isEmpty()) {
            return new ChangeOutcome.NoSuchChange(id);
        }
        ConfigChange c = read.get();
        if (ChangeTransitions.next(c.state(), event).isEmpty()) {
            return new ChangeOutcome.NotWaiting(c);
        }
        if (!userId.equals(c.proposerId()) && refusalToDecide(environment(c), userId).isPresent()) {
            return new ChangeOutcome.NotProposerOrApprover(c);
        }
        return moves.apply(c, event, userId).map(after -> {
            news.changed(after, said);
            return answer.apply(after);
        }).orElseGet(() -> new ChangeOutcome.NotWaiting(repository.find(id).orElse(c)));
    }

    /**
     * An environment that only announces deploys (approvals: 0) names no approvers: anyone may decide a change
     * there, and it still takes one go, so nobody writes configuration without a click.
     */
    static int approvalsNeeded(EnvironmentConfig env) {
        return Math.max(1, env.approvals());
    }

    private Optional<ChangeOutcome.Refused> refusalToApprove(EnvironmentConfig env, ConfigChange c, String userId,
                                                             boolean override) {
        if (env.announceOnly()) {
            return !env.selfApproval() && userId.equals(c.proposerId())
                    ? Optional.of(new ChangeOutcome.OwnRequest(env.name(), env.approvers(), override))
                    : Optional.empty();
        }
        return policy.refusalToApprove(env, c.proposerId(), userId, override).map(ChangeDecisions::refused);
    }

    private Optional<ChangeOutcome.Refused> refusalToDecide(EnvironmentConfig env, String userId) {
        return env.announceOnly() ? Optional.empty()
                : policy.refusalToDecide(env, userId).map(ChangeDecisions::refused);
    }

    static ChangeOutcome.Refused refused(DeployOutcome.Refused refusal) {
        if (refusal instanceof DeployOutcome.NotApprover n) {
            return new ChangeOutcome.NotApprover(n.environment(), n.approvers());
        }
        if (refusal instanceof DeployOutcome.OwnRequest o) {
            return new ChangeOutcome.OwnRequest(o.environment(), o.approvers(), o.override());
        }
        if (refusal instanceof DeployOutcome.DirectoryDown d) {
            return new ChangeOutcome.DirectoryDown(d.detail());
        }
        throw new IllegalStateException("the approval policy answered " + refusal.getClass().getSimpleName());
    }

    private EnvironmentConfig environment(ConfigChange c) {
        return team.environment(c.environment()).orElseThrow(() -> new IllegalStateException("environment "
                + c.environment() + " of config change #" + c.id() + " is no longer in the team config"));
    }
}
