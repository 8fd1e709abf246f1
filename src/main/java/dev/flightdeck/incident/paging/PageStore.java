package dev.flightdeck.incident.paging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where pages are kept (port; JDBC is the adapter). One page per incident and target (a unique key: a second insert
 * of the same one inserts nothing); every change is a compare-and-set on the row's version, so of two replicas
 * claiming a due page one sends it.
 */
public interface PageStore {

    /** Stores the page with its trigger owed now; empty when the incident already has a page of that target. */
    Optional<Page> insert(Page.New page);

    Optional<Page> find(long incidentNumber, String target);

    List<Page> ofIncident(long incidentNumber);

    /**
     * Writes {@code after}'s state, attempts, next try and last error if the row is still at {@code before}'s
     * version; returns the row as written, or empty when another writer moved it first (nothing written).
     */
    Optional<Page> move(Page before, Page after);

    /** Owed pages whose next try has come, oldest first. */
    List<Page> due(Instant now, int limit);

    /** The earliest next try of an owed page, for the waker; empty when none is owed. */
    Optional<Instant> nextDue();

    /** Pages not yet finished (pending or triggered): what a restart checks against the incidents. */
    List<Page> unfinished(int limit);
}
