package dev.flightdeck.incident.status;

import dev.flightdeck.incident.Severity;

/**
 * A service's state on the status page, mildest first (Statuspage's component statuses). From the open incidents that
 * name the service: sev1 is an outage, sev2 a partial outage, sev3 degraded performance; a sev4 is a minor matter
 * that leaves the service operational (it is still listed when something about it was published).
 */
public enum ServiceState {
    OPERATIONAL, DEGRADED_PERFORMANCE, PARTIAL_OUTAGE, MAJOR_OUTAGE;

    public static ServiceState of(Severity severity) {
        return switch (severity) {
            case SEV1 -> MAJOR_OUTAGE;
            case SEV2 -> PARTIAL_OUTAGE;
            case SEV3 -> DEGRADED_PERFORMANCE;
            case SEV4 -> OPERATIONAL;
        };
    }

    public ServiceState worse(ServiceState other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The page's overall indicator this state calls for. */
    public Impact impact() {
        return Impact.values()[ordinal()];
    }
}
