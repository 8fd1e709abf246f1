package dev.flightdeck.deploy.flags;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where flag requests live (port). Every change of state is a conditional write: it happens only if the row is still
 * in the state the caller read, so concurrent clicks, Slack retries and replicas make one decision.
 */
public interface FlagRepository {

    /** Stores a new request (its id is ignored); returns it with its id. */
    FlagRequest insert(FlagRequest request);

    Optional<FlagRequest> find(long id);

    /**
     * {@code UPDATE … WHERE id = :id AND state = before.state}.
     *
     * @return false if another writer moved the request first (nothing written)
     */
    boolean transition(FlagRequest before, FlagRequest after);

    /** @return false if this approver had already approved */
    boolean addApproval(long id, String userId);

    void saveMessage(long id, FlagRequest.Message message);

    /** A request for this flag in this environment that is not final yet (waiting, applying, failed), if any. */
    Optional<FlagRequest> open(String flagKey, String environment);

    /** The last APPLIED request of this flag in this environment. */
    Optional<FlagRequest> lastApplied(String flagKey, String environment);

    /** Flags APPLIED in {@code environment} at or after {@code since}, oldest first, at most {@code limit}. */
    List<FlagRequest> appliedSince(String environment, Instant since, int limit);

    /** Requests waiting for people whose nudge time has come, oldest first. */
    List<FlagRequest> dueNudges(Instant now, int limit);

    /** Claims a due nudge until {@code leaseUntil} (compare-and-set on the nudge time), so one replica sends it. */
    boolean claimNudge(FlagRequest due, Instant leaseUntil);

    /** After the send: counts the nudge and sets the next one ({@code next}, null for none), if the lease still holds. */
    boolean completeNudge(FlagRequest claimed, Instant leaseUntil, Instant next);

    /** Requests past their expiry (REQUESTED or FAILED), oldest first. */
    List<FlagRequest> dueExpiries(Instant now, int limit);

    /** Requests in APPLYING since before {@code before}: left by a crash mid-call, to settle from the provider. */
    List<FlagRequest> stranded(Instant before, int limit);

    /** The earliest nudge, expiry or stranded-settle time of a non-final request, for the waker. */
    Optional<Instant> nextDue();
}
