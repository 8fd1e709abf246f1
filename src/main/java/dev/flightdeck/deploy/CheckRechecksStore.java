package dev.flightdeck.deploy;

import java.time.Instant;
import java.util.List;

/**
 * Where the checks that run again live (port): the stored results with a {@link CheckResult#recheckAt()}, of requests
 * still waiting for a go or a start. Every re-check is claimed with a conditional update of its time (a short lease),
 * so with several replicas each one runs once; a claimer that dies leaves it due again when the lease ends.
 */
public interface CheckRechecksStore {

    /** One check to run again: its request, its name and the recheck time read (what a claim compares). */
    record Due(long requestId, String name, Instant recheckAt) {
    }

    /** Re-checks whose time has come, of pending requests, not overridden, soonest first. */
    List<Due> due(Instant now, int limit);

    /**
     * The earliest recheck time of a pending request's check that is not overridden (a claimed one's lease end), or
     * empty: when {@link DeployRechecks} next has work. One indexed MIN, asked on every look of its waker.
     */
    java.util.Optional<Instant> nextDue();

    /** Re-checks waiting on {@code subject} (a commit sha), of pending requests, not overridden, whenever they are due. */
    List<Due> waitingOn(String subject, int limit);

    /** Moves the recheck time from the value read to {@code leaseUntil}, only if nobody else did. */
    boolean claim(Due due, Instant leaseUntil);

    /**
     * Stores the check's new result (and its next recheck time, null: settled), only while our lease holds and nobody
     * overrode it meanwhile; false (nothing written) otherwise.
     */
    boolean settle(Due claimed, Instant leaseUntil, CheckResult result);
}
