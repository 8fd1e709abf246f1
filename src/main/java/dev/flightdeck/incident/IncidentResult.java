package dev.flightdeck.incident;

/** What an incident use case did: done (with what to tell the person), or refused with a reason they can act on. */
public sealed interface IncidentResult {

    record Done(Incident incident, String message) implements IncidentResult {
    }

    record Refused(String reason) implements IncidentResult {
    }
}
