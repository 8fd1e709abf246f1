package dev.flightdeck.incident;

/**
 * What an incident use case did: done (with what to tell the person), refused with a reason they can act on, or not
 * allowed to this person (the Slack feature words who may).
 */
public sealed interface IncidentResult {

    record Done(Incident incident, String message) implements IncidentResult {
    }

    record Refused(String reason) implements IncidentResult {
    }

    /** The change would lift a deploy freeze and this person may not lift it; nothing changed. */
    record NotAllowed(FreezeLiftPolicy.Rejected why) implements IncidentResult {
    }
}
