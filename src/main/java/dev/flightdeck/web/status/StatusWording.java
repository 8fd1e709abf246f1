package dev.flightdeck.web.status;

import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.status.Impact;
import dev.flightdeck.incident.status.ServiceState;
import dev.flightdeck.incident.status.StatusView;

import java.util.List;
import java.util.Locale;

/**
 * Every word the status page, its JSON and its feed say, in one place. An incident is named by its id, how bad it is
 * and the services it names ("INC-12: Partial outage of billing"), never by its title (see {@link StatusView}).
 * Statuspage's wording for the overall indicator.
 */
final class StatusWording {

    private StatusWording() {
    }

    static String state(ServiceState state) {
        return switch (state) {
            case OPERATIONAL -> "Operational";
            case DEGRADED_PERFORMANCE -> "Degraded performance";
            case PARTIAL_OUTAGE -> "Partial outage";
            case MAJOR_OUTAGE -> "Major outage";
        };
    }

    /** Statuspage's component status values. */
    static String stateCode(ServiceState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    static String overall(Impact impact) {
        return switch (impact) {
            case NONE -> "All Systems Operational";
            case MINOR -> "Minor Service Outage";
            case MAJOR -> "Partial System Outage";
            case CRITICAL -> "Major System Outage";
        };
    }

    static String impactCode(Impact impact) {
        return impact.name().toLowerCase(Locale.ROOT);
    }

    static String status(IncidentStatus status) {
        String label = status.label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    static String name(StatusView.Shown incident) {
        String what = switch (incident.impact()) {
            case CRITICAL -> "Outage";
            case MAJOR -> "Partial outage";
            case MINOR -> "Degraded performance";
            case NONE -> "Minor issue";
        };
        List<String> services = incident.services();
        String of = services.isEmpty() ? "" : (incident.impact() == Impact.NONE ? " with " : " of ") + join(services);
        return incident.id() + ": " + what + of;
    }

    private static String join(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
