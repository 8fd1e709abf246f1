package dev.flightdeck.incident.status;

import dev.flightdeck.incident.IncidentStatus;

import java.time.Instant;

/**
 * One thing published about an incident on the status page: an update someone chose to make public, or the four-part
 * summary the commander published at resolve. Holds no person: the status page shows it to anyone.
 *
 * @param status the incident's status as this update left it
 */
public record PublicUpdate(long id, long incidentNumber, Kind kind, IncidentStatus status, String body, Instant at) {

    public enum Kind {
        UPDATE, SUMMARY
    }

    /** What a use case asks the store to keep; the store gives it its id. */
    public record New(long incidentNumber, Kind kind, IncidentStatus status, String body, Instant at) {
    }
}
