package dev.flightdeck.alarms;

import dev.flightdeck.incident.status.LinkedServices;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The status page's {@link LinkedServices}: the incidents linked to each service's alert episodes. */
@Singleton
public class AlarmLinkedServices implements LinkedServices {

    private final AlertEpisodeStore store;

    public AlarmLinkedServices(AlertEpisodeStore store) {
        this.store = store;
    }

    @Override
    public Map<String, Set<String>> linked(Collection<String> services) {
        Map<String, Set<String>> byIncident = new HashMap<>();
        for (String service : services) {
            for (String incident : store.incidentsOf(service)) {
                byIncident.computeIfAbsent(incident, i -> new LinkedHashSet<>()).add(service);
            }
        }
        return byIncident;
    }
}
