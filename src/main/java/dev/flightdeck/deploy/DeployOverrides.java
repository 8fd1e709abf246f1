package dev.flightdeck.deploy;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.text.Mrkdwn;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.flightdeck.deploy.DeployService.MAX_REASON;
import static dev.flightdeck.deploy.DeployService.authorise;
import static dev.flightdeck.deploy.DeployService.describe;

/**
 * Break-glass (DESIGN.md section 2): an approver overrides the checks blocking a request with a written reason,
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

    public DeployOverrides(DeployRepository repository, DeployTransactions transactions, DeployMoves moves,
                           ApprovalPolicy policy, DeployAnnouncer announcer, DeployStarts starts, Auditor auditor) {
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
            return DeployOutcome.refused(DeployTexts.noSuchRequest(String.valueOf(id)));
        }
        if (!r.get().state().awaitsDecision()) {
            return DeployOutcome.refused(DeployTexts.notWaiting(r.get()));
        }
        if (repository.checks(id).stream().noneMatch(CheckResult::blocking)) {
            return DeployOutcome.refused("Nothing blocks deploy " + DeployTexts.what(r.get()) + ": no override needed.");
        }
        Optional<String> refusal = authorise(() -> policy.refusalToApprove(moves.environment(r.get()), r.get(), userId));
        return refusal.<DeployOutcome>map(why -> new DeployOutcome.Refused(why.replace("say go", "override a check")))
                .orElseGet(() -> new DeployOutcome.Done("", r.get()));
    }

    /** Overrides every check blocking the request, with a written reason. */
    public DeployOutcome override(long id, String userId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 3 || why.length() > MAX_REASON) {
            return DeployOutcome.refused("An override needs a written reason of 3 to " + MAX_REASON + " characters.");
        }
        Optional<DeployRequest> read = repository.find(id);
        if (read.isEmpty()) {
            return DeployOutcome.refused(DeployTexts.noSuchRequest(String.valueOf(id)));
        }
        Optional<String> refusal = authorise(() -> policy.refusalToApprove(moves.environment(read.get()), read.get(), userId));
        if (refusal.isPresent()) {
            return DeployOutcome.refused(refusal.get().replace("say go", "override a check"));
        }
        DeployOutcome done = transactions.inTransaction(() -> {
            DeployRequest r = repository.findForUpdate(id).orElseThrow();
            if (!r.state().awaitsDecision()) {
                return DeployOutcome.refused(DeployTexts.notWaiting(r));
            }
            List<CheckResult> blocking = repository.checks(id).stream().filter(CheckResult::blocking).toList();
            if (blocking.isEmpty()) {
                return DeployOutcome.refused("Nothing blocks deploy " + DeployTexts.what(r) + ": no override needed.");
            }
            blocking.forEach(c -> repository.overrideCheck(id, c.name(), userId, why));
            List<String> names = blocking.stream().map(CheckResult::name).toList();
            auditor.record(DeployAudit.OVERRIDE, userId, Map.of("request", id, "checks", names, "reason", why,
                    "blocked", blocking.stream().map(CheckResult::text).toList()));
            return new DeployOutcome.Done("<@" + userId + "> overrode " + describe(blocking) + "\nReason: " + Mrkdwn.escape(why), r);
        });
        if (done.refused()) {
            return done;
        }
        DeployRequest r = ((DeployOutcome.Done) done).request();
        moves.show(id);
        announcer.reply(r, done.text());
        if (moves.environment(r).announceOnly()) {
            starts.announceOnlyGo(r);
        }
        return done;
    }

}
