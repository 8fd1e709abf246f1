package dev.flightdeck.slack.alarms;

import dev.flightdeck.alarms.AlertEpisodes;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.slack.edge.AfterAck;
import dev.flightdeck.slack.incident.DeclaredFrom;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * An incident declared from an alarm's Declare incident form: the episode hears of it after the form is answered, and
 * links the alarm on the incident's timeline (and its message says so).
 */
@Singleton
public class AlertIncidentLink implements DeclaredFrom {

    private final Provider<AlertEpisodes> episodes;
    private final AfterAck afterAck;

    public AlertIncidentLink(Provider<AlertEpisodes> episodes, AfterAck afterAck) {
        this.episodes = episodes;
        this.afterAck = afterAck;
    }

    static String origin(long episodeId) {
        return AlertSlackIds.ORIGIN + episodeId;
    }

    @Override
    public boolean handles(String origin) {
        return origin.startsWith(AlertSlackIds.ORIGIN) && AlertButtons.episodeId(id(origin)).isPresent();
    }

    @Override
    public void declared(String origin, Incident incident, String userId) {
        long episode = AlertButtons.episodeId(id(origin)).orElseThrow();
        afterAck.run("alert_declared", () -> episodes.get().declared(episode, incident.id(), userId));
    }

    private static String id(String origin) {
        return origin.substring(AlertSlackIds.ORIGIN.length());
    }
}
