package dev.flightdeck.alarms;

import dev.flightdeck.incident.Severity;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Alarm episodes: one message per episode, flapping within {@code alarm-flap-window} reusing it, back to OK updating
 * it in place, Acknowledge stopping the nudges, an open incident of the service taking the alert on its timeline.
 * The methods throw until the alarms helper fills them (issue 17 groundwork).
 */
@Singleton
public class AlertEpisodes implements AlertIntake {

    /** What "Declare incident" pre-fills: a title from the alarm, the service, the environment's alert severity. */
    public record DeclareForm(long episodeId, String title, String service, String environment, Severity severity) {
    }

    /** What a click answers its clicker. */
    public sealed interface Click {
        record Done(AlertEpisode episode) implements Click {
        }

        record NoSuchEpisode(long id) implements Click {
        }

        record AlreadyAcknowledged(AlertEpisode episode) implements Click {
        }
    }

    @Override
    public Result receive(Alert alert) {
        throw new UnsupportedOperationException("filled by the alarms helper");
    }

    /** Acknowledge: who, shown in the message; the episode stops nudging. */
    public Click acknowledge(long episodeId, String userId) {
        throw new UnsupportedOperationException("filled by the alarms helper");
    }

    /** The declare form's pre-filled values for an episode. */
    public Optional<DeclareForm> declareForm(long episodeId) {
        throw new UnsupportedOperationException("filled by the alarms helper");
    }

    /** After an incident was declared from an episode: the alarm goes on the incident's timeline and the message says so. */
    public void declared(long episodeId, String incidentId, String userId) {
        throw new UnsupportedOperationException("filled by the alarms helper");
    }
}
