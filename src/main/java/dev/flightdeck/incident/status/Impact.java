package dev.flightdeck.incident.status;

import dev.flightdeck.incident.Severity;

/** How bad an incident (or the page as a whole) is for the people reading the status page, mildest first. */
public enum Impact {
    NONE, MINOR, MAJOR, CRITICAL;

    public static Impact of(Severity severity) {
        return ServiceState.of(severity).impact();
    }

    public Impact worse(Impact other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
