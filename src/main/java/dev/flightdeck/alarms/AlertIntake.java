package dev.flightdeck.alarms;

/**
 * Where every monitor's alert goes (port implemented by {@link AlertEpisodes}; the AWS events route for CloudWatch
 * and {@code /hooks/alerts/{source}} for Grafana, New Relic and Sentry call it). Deliveries are de-duplicated by the
 * routes before this; a repeat of the same state changes nothing here either.
 */
public interface AlertIntake {

    /** What became of an alert. */
    sealed interface Result {
    }

    /** A new episode, posted (or queued to post). */
    record Posted(long episodeId) implements Result {
    }

    /** An existing episode's message updated (fired again within the flap window, back to OK, no data). */
    record Updated(long episodeId) implements Result {
    }

    /** The service has an open incident: the alert went on its timeline instead of a new message. */
    record OnTimeline(String incidentId) implements Result {
    }

    /** Nothing to do (OK with no episode, a repeat of the same state); {@code why} in plain words. */
    record Ignored(String why) implements Result {
    }

    Result receive(Alert alert);
}
