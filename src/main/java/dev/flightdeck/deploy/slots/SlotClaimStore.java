package dev.flightdeck.deploy.slots;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where slot claims are kept (port; {@code persistence/slots} on JDBC). At most one HELD claim per slot and one
 * active (QUEUED or HELD) claim per person and pool: the store enforces both with unique keys, so two replicas or two
 * clicks cannot hand a slot out twice.
 */
public interface SlotClaimStore {

    Optional<SlotClaim> find(long id);

    /** The HELD claim on {@code slot}, if any. */
    Optional<SlotClaim> holding(String slot);

    /** The person's QUEUED or HELD claim in the pool. */
    Optional<SlotClaim> active(String pool, String userId);

    /** Every HELD claim. */
    List<SlotClaim> held();

    /** The pool's QUEUED claims, first come first. */
    List<SlotClaim> queued(String pool);

    /** Stores a new claim; empty when a unique key refused it (the slot was taken, or the person has a claim). */
    Optional<SlotClaim> insert(SlotClaim claim);

    /**
     * Writes {@code after} over {@code before} if the row is still at {@code before}'s version (and the slot has no
     * other holder): the stored claim, or empty when another writer was first.
     */
    Optional<SlotClaim> update(SlotClaim before, SlotClaim after);

    /** The earliest warning or expiry due (one indexed query). */
    Optional<Instant> nextDue();

    /** HELD claims whose warning or expiry is due by {@code now}. */
    List<SlotClaim> due(Instant now, int limit);
}
