package dev.flightdeck.envconfig.change;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where config change requests live (port). Every change of state is a conditional write: it happens only if the
 * row is still in the state the caller read, so concurrent clicks, Slack retries and replicas make one decision.
 * No secret value is ever given to or kept by this store ({@link ConfigChange} cannot carry one).
 */
public interface ConfigChangeRepository {

    /** Stores a new request (its id is ignored); returns it with its id. */
    ConfigChange insert(ConfigChange change);

    Optional<ConfigChange> find(long id);

    /**
     * {@code UPDATE … SET state = after.state, … WHERE id = :id AND state = before.state}.
     *
     * @return false if another writer moved the request first (nothing written)
     */
    boolean transition(ConfigChange before, ConfigChange after);

    /** @return false if this approver had already approved */
    boolean addApproval(long id, String userId);

    /** Marks the failing rules overridden; false when the request was not blocked (or already overridden). */
    boolean override(long id, String userId, String reason);

    void saveMessage(long id, ConfigChange.Message message);

    /** A change of this key in APPLYING (a write may be under way): the watch does not call it "outside". */
    Optional<ConfigChange> applying(String service, String environment, String key);

    /** Requests waiting for people whose nudge time has come, oldest first. */
    List<ConfigChange> dueNudges(Instant now, int limit);

    /**
     * Claims a due nudge for {@code leaseUntil}: {@code UPDATE … SET next_nudge_at = :leaseUntil WHERE id = :id AND
     * state = 'PROPOSED' AND next_nudge_at = due.nextNudgeAt}, so one replica sends it. (Added by the flow: a nudge
     * needs a claim that the state alone cannot give, as the state does not change.)
     *
     * @return false when another replica claimed it first, or the request moved on
     */
    boolean claimNudge(ConfigChange due, Instant leaseUntil);

    /** After the send: counts the nudge and sets the next one ({@code next}, null for none), if the lease still holds. */
    boolean completeNudge(ConfigChange claimed, Instant leaseUntil, Instant next);

    /** Requests past their expiry (PROPOSED or FAILED), oldest first. */
    List<ConfigChange> dueExpiries(Instant now, int limit);

    /** Requests in APPLYING since before {@code before}: left by a crash mid-write, to settle from what AWS holds. */
    List<ConfigChange> stranded(Instant before, int limit);

    /** The earliest nudge, expiry or stranded-settle time of a non-final request, for the waker. Empty when none. */
    Optional<Instant> nextDue();
}
