package dev.flightdeck.deploy;

import dev.flightdeck.audit.AuditType;
import dev.flightdeck.audit.Auditor;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Ticking a deploy's checklist: the requester, the runner or an approver ticks and unticks items while the request
 * waits (for a go, or for its start). Each tick is a conditional write, so two people ticking at once both count and
 * a repeated click changes nothing twice; each is on the audit trail. The message is redrawn after every click, also
 * a refused one, so a checkbox ticked by someone who may not tick snaps back. Ticking the last item of an approved
 * deploy whose environment starts builds on go starts it.
 */
@Singleton
public class DeployChecklists {

    public static final AuditType TICKED = new AuditType("deploy.checklist_ticked", 1);
    public static final AuditType UNTICKED = new AuditType("deploy.checklist_unticked", 1);

    private final DeployRepository repository;
    private final DeployMoves moves;
    private final ApprovalPolicy policy;
    private final DeployStarts starts;
    private final Auditor auditor;
    private final Clock clock;

    public DeployChecklists(DeployRepository repository, DeployMoves moves, ApprovalPolicy policy, DeployStarts starts,
                            Auditor auditor, Clock clock) {
        this.repository = repository;
        this.moves = moves;
        this.policy = policy;
        this.starts = starts;
        this.auditor = auditor;
        this.clock = clock;
    }

    /**
     * A click on the checklist by {@code userId}: {@code selected} holds the ordinals ticked on their screen after
     * the click, {@code seen} (when known) those ticked before it. See {@link Checklist#changes}.
     */
    public DeployOutcome tick(long id, String userId, Set<Integer> selected, Optional<Set<Integer>> seen) {
        Optional<DeployRequest> read = repository.find(id);
        if (read.isEmpty()) {
            return new DeployOutcome.NoSuchRequest(id);
        }
        DeployRequest r = read.get();
        Optional<DeployOutcome.Refused> refusal = refusal(r, userId);
        if (refusal.isPresent()) {
            moves.show(r);
            return refusal.get();
        }
        List<ChecklistItem> stored = repository.checklist(id);
        Map<Integer, ChecklistItem> byOrdinal = stored.stream()
                .collect(Collectors.toMap(ChecklistItem::ordinal, Function.identity()));
        List<String> ticked = new ArrayList<>();
        List<String> unticked = new ArrayList<>();
        for (Checklist.Change change : Checklist.changes(stored, selected, seen)) {
            ChecklistItem item = byOrdinal.get(change.ordinal());
            boolean done = change.tick() ? repository.tick(id, item.ordinal(), userId, clock.instant())
                    : repository.untick(id, item.ordinal());
            if (done) {
                auditor.record(change.tick() ? TICKED : UNTICKED, userId, payload(r, item));
                (change.tick() ? ticked : unticked).add(item.text());
            }
        }
        // Read after the writes: a go that read the checklist before them sees them when it re-reads (DeployService).
        DeployRequest now = repository.find(id).orElse(r);
        DeployView view = moves.view(now);
        moves.show(view);
        if (!ticked.isEmpty() && now.state() == DeployState.APPROVED && moves.environment(now).autoStart()
                && Checklist.complete(view.checklist())) {
            // The conditional APPROVED -> TRIGGERING lets one of two last ticks at once start the build.
            starts.start(id, DeployAudit.POLICY);
        }
        return new DeployOutcome.ChecklistTicked(now, ticked, unticked);
    }

    private Optional<DeployOutcome.Refused> refusal(DeployRequest r, String userId) {
        if (!DeployState.PENDING.contains(r.state())) {
            return Optional.of(new DeployOutcome.NotWaiting(r));
        }
        if (userId.equals(r.requesterId()) || userId.equals(r.runnerId())) {
            return Optional.empty();
        }
        EnvironmentConfig env = moves.environment(r);
        return policy.refusalToDecide(env, userId).map(x -> x instanceof DeployOutcome.NotApprover
                ? new DeployOutcome.MayNotTick(r, env.approvers()) : x);
    }

    private static Map<String, Object> payload(DeployRequest r, ChecklistItem item) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("request", r.id());
        p.put("service", r.service());
        p.put("environment", r.environment());
        p.put("item", item.ordinal());
        p.put("text", item.text());
        return p;
    }
}
