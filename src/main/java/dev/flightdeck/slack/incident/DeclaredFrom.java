package dev.flightdeck.slack.incident;

import dev.flightdeck.incident.Incident;

/**
 * Told when an incident was declared through a form opened with a {@link DeclarePrefill} of its origin (the alarm
 * feature links the alarm on the incident's timeline). Called on the request thread before the form is answered:
 * slow work goes after the ack.
 */
public interface DeclaredFrom {

    /** Whether {@code origin} (as the form carried it) is this one's. */
    boolean handles(String origin);

    void declared(String origin, Incident incident, String userId);
}
