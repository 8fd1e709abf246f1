package dev.flightdeck.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where deploy requests live (port). Every change of state is a conditional write: it happens only if the row
 * is still in the state the caller read, so concurrent clicks, Slack retries and replicas make one decision.
 */
public interface DeployRepository {

    /** Stores a new request (its id is ignored) with its check results; returns it with its id. */
    default DeployRequest insert(DeployRequest request, List<CheckResult> checks) {
        return insert(request, checks, List.of());
    }

    /** The same, with its checklist's items (none ticked), all in one transaction. */
    DeployRequest insert(DeployRequest request, List<CheckResult> checks, List<String> checklist);

    /** The request's checklist, in order; empty when it has none. */
    List<ChecklistItem> checklist(long id);

    /** Ticks an item, only if nobody has: false when it was already ticked (or there is no such item). */
    boolean tick(long id, int ordinal, String by, Instant at);

    /** Unticks an item, only if it is ticked: false when it was not. */
    boolean untick(long id, int ordinal);

    Optional<DeployRequest> find(long id);

    /** Reads and row-locks the request until the surrounding {@link DeployTransactions} transaction ends. */
    Optional<DeployRequest> findForUpdate(long id);

    /**
     * {@code UPDATE … SET state = after.state, … WHERE id = :id AND state = before.state}.
     *
     * @return false if another writer moved the request first (nothing written)
     */
    boolean transition(DeployRequest before, DeployRequest after);

    void saveMessage(long id, String channelId, String messageTs);

    void saveBuild(long id, String label, String url);

    /** @return false if this approver had already approved (one row per request and approver) */
    boolean addApproval(Approval approval);

    List<Approval> approvals(long id);

    List<CheckResult> checks(long id);

    /** Marks a blocking check overridden; false if it was not blocking (or already overridden). */
    boolean overrideCheck(long id, String checkName, String by, String reason);

    /** Pending requests (requested or approved) whose go/no-go has no stored ts, requested before {@code before}, oldest first. */
    List<DeployRequest> withoutMessage(Instant before, int limit);

    /** Pending requests whose nudge time has come, oldest first. */
    List<DeployRequest> dueNudges(Instant now, int limit);

    /**
     * Claims one nudge for a short lease: moves {@code nextNudgeAt} from the value read to {@code leaseUntil}, only if
     * nobody else did (exactly one replica gets true). Not counted yet: if the claimer dies before
     * {@link #completeNudge}, the nudge is due again when the lease ends.
     */
    boolean claimNudge(DeployRequest due, Instant leaseUntil);

    /**
     * After a sent nudge: counts it and moves {@code nextNudgeAt} from {@code leaseUntil} to {@code next} (null: no
     * more). False when the lease was lost (the request moved on, or the lease ran out and another replica took it).
     */
    boolean completeNudge(DeployRequest claimed, Instant leaseUntil, Instant next);

    /** Pending requests past their expiry, oldest first. */
    List<DeployRequest> dueExpiries(Instant now, int limit);

    /**
     * When {@link DeployScheduler} next has work: the earliest nudge or expiry time of a pending request, or
     * {@code unpostedGrace} after the oldest pending request still without its go/no-go message. Empty when none. One
     * cheap query: the scheduler asks it on every look. A store that cannot say answers "now" (always look).
     */
    default Optional<Instant> nextSchedulerDue(java.time.Duration unpostedGrace) {
        return Optional.of(Instant.EPOCH);
    }

    /** The earliest state change among requests of one service, environment and state (see {@link #oldestInStates}). */
    record OldestInState(String service, String environment, DeployState state, Instant since) {
    }

    /**
     * Per service, environment and state among {@code states}, when the longest-standing request entered it: what
     * the build poller's next look is timed from (a build is polled once it has been silent for its environment's
     * build-silence). One grouped query over the state index, asked on every look; a store that cannot say answers
     * from {@link #inStates}.
     */
    default List<OldestInState> oldestInStates(Set<DeployState> states) {
        java.util.Map<List<Object>, OldestInState> oldest = new java.util.LinkedHashMap<>();
        for (DeployRequest r : inStates(states, Optional.empty(), Integer.MAX_VALUE)) {
            oldest.merge(List.of(r.service(), r.environment(), r.state()),
                    new OldestInState(r.service(), r.environment(), r.state(), r.stateChangedAt()),
                    (a, b) -> a.since().isBefore(b.since()) ? a : b);
        }
        return List.copyOf(oldest.values());
    }

    /** Requests in these states, newest first; all services when {@code service} is empty. */
    List<DeployRequest> inStates(Set<DeployState> states, Optional<String> service, int limit);

    /** What the web history is narrowed to; an empty filter is "any". */
    record HistoryFilter(Optional<String> service, Optional<String> environment, Optional<DeployState> state) {
        public static final HistoryFilter ANY = new HistoryFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * One page of the web history: requests made in [from, until) that match the filter and have an id below
     * {@code beforeId} (Long.MAX_VALUE for the newest), newest first, at most {@code limit}.
     */
    List<DeployRequest> requestedBetween(Instant from, Instant until, HistoryFilter filter, long beforeId, int limit);

    /** Requests of a service (in one environment, or all), newest first. */
    List<DeployRequest> history(String service, Optional<String> environment, int limit);

    /** The version live in an environment: the request that last SUCCEEDED there (by finish time). */
    Optional<DeployRequest> lastSucceeded(String service, String environment);

    /** The latest deploy of exactly this version that SUCCEEDED in an environment (gate {@code promoted}). */
    Optional<DeployRequest> succeeded(String service, String environment, String version);

    /** The deploy holding this service and environment (a state in {@link DeployState#IN_FLIGHT}), other than {@code exceptId}. */
    Optional<DeployRequest> inFlight(String service, String environment, long exceptId);

    List<ManualLock> locks(Optional<String> service);

    Optional<ManualLock> lock(String service, String environment);

    /** @return false if the service and environment were already locked */
    boolean addLock(ManualLock lock);

    /** @return false if there was no lock */
    boolean removeLock(String service, String environment);
}
