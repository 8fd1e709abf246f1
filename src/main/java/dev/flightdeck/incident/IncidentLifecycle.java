package dev.flightdeck.incident;

/**
 * Told after an incident is declared, made more or less severe, or resolved (port: paging, break-glass access and
 * the status page listen). Each call comes after the change is stored; a listener must keep what it owes in its own
 * store so a crash between the change and the call loses nothing (the call is a prompt to act now, not the record).
 * A listener that fails is logged and never affects the change or the other listeners.
 */
public interface IncidentLifecycle {

    default void declared(Incident incident) {
    }

    default void severityChanged(Incident incident, Severity before) {
    }

    default void resolved(Incident incident) {
    }
}
