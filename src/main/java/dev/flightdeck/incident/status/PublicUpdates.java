package dev.flightdeck.incident.status;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where published updates are kept (port). Nothing here is private: every row may be shown to anyone. */
public interface PublicUpdates {

    /**
     * Stores it. A summary is kept once per incident: a second summary of the same incident stores nothing and
     * answers empty (two replicas, a double submit).
     */
    Optional<PublicUpdate> add(PublicUpdate.New update);

    /** The published updates of these incidents, newest first. */
    List<PublicUpdate> of(Collection<Long> incidentNumbers);
}
