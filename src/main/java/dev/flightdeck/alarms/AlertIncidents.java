package dev.flightdeck.alarms;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentTimeline;
import dev.flightdeck.incident.OpenIncidents;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Alarm episodes meet incidents here. Incidents have no service column, so a service "has an open incident" when an
 * open incident was declared from (or took on its timeline) an episode of that service, or, as the delivery metrics
 * read it, when an open incident's title names the service as a whole word. The newest such incident wins.
 */
@Singleton
public class AlertIncidents {

    /** Timeline entries Flightdeck writes on its own. */
    static final String FLIGHTDECK = "flightdeck";

    private final OpenIncidents incidents;
    private final IncidentTimeline timeline;
    private final AlertEpisodeStore store;

    public AlertIncidents(OpenIncidents incidents, IncidentTimeline timeline, AlertEpisodeStore store) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.store = store;
    }

    /** The open incident of {@code service}, if any: linked first, else named in the title; newest first. */
    public Optional<Incident> openFor(String service) {
        List<Incident> open = incidents.open();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        for (String linked : store.incidentsOf(service)) {
            Optional<Incident> found = open.stream().filter(i -> i.id().equals(linked)).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        Pattern word = Pattern.compile("(?<![\\p{Alnum}])" + Pattern.quote(service.toLowerCase(Locale.ROOT))
                + "(?![\\p{Alnum}])");
        for (int i = open.size() - 1; i >= 0; i--) {
            if (word.matcher(open.get(i).title().toLowerCase(Locale.ROOT)).find()) {
                return Optional.of(open.get(i));
            }
        }
        return Optional.empty();
    }

    /** An alert's report on the incident's timeline, once per report. */
    public boolean report(Incident incident, Alert alert, Instant at) {
        String text = "Alarm " + alert.name() + " (" + alert.service() + " in " + alert.environment() + "): "
                + words(alert.state()) + (alert.reason().isBlank() ? "" : " — " + alert.reason())
                + alert.link().map(l -> " " + l).orElse("");
        String key = "alert:" + alert.source() + ":" + alert.key() + ":" + alert.state() + ":"
                + alert.at().toEpochMilli();
        return timeline.recordAlert(incident.number(), at, FLIGHTDECK, text, key);
    }

    /** The incident was declared from the episode: the alarm linked on its timeline, by whoever declared it. */
    public boolean declaredFrom(long incidentNumber, AlertEpisode episode, String userId, Instant at) {
        Alert a = episode.latest();
        String text = "Declared from alarm " + a.name() + " (" + a.service() + " in " + a.environment() + "), firing since "
                + episode.firedAt() + (a.reason().isBlank() ? "" : " — " + a.reason())
                + a.link().map(l -> " " + l).orElse("");
        return timeline.recordAlert(incidentNumber, at, userId, text, "alert-episode:" + episode.id() + ":declared");
    }

    static String words(AlertState state) {
        return switch (state) {
            case ALARM -> "ALARM";
            case OK -> "back to OK";
            case INSUFFICIENT_DATA -> "no data (INSUFFICIENT_DATA)";
        };
    }
}
