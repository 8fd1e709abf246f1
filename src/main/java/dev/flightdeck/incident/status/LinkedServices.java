package dev.flightdeck.incident.status;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Which incidents were declared from (or took on their timeline) an alert of a service (port; the alarms domain
 * knows): such an incident names that service on the status page even when its words do not.
 */
public interface LinkedServices {

    /** Incident id ({@code INC-12}) → the services among {@code services} whose alerts it is linked to. */
    Map<String, Set<String>> linked(Collection<String> services);
}
