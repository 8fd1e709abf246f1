package dev.flightdeck.incident.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where break-glass requests are kept (port). Every change is a compare-and-set on the row's version: of two replicas
 * (or two clicks) moving the same row, one wins and the other gets empty and does nothing.
 */
public interface AccessGrantStore {

    AccessGrant create(AccessGrant.New request);

    Optional<AccessGrant> find(long id);

    /** Every request of the incident, oldest first. */
    List<AccessGrant> ofIncident(long incident);

    /** Writes {@code to} (its state, times, ids, attempts) if the row is still at {@code from}'s version. */
    Optional<AccessGrant> move(AccessGrant from, AccessGrant to);

    /** Rows not final whose due time has come, earliest first. */
    List<AccessGrant> due(Instant now, int limit);

    /** The earliest due time of a row not final; empty when nothing is owed. */
    Optional<Instant> nextDue();
}
