package dev.flightdeck.slack.alarms;

import dev.flightdeck.alarms.AlertEpisode;
import jakarta.inject.Singleton;

/**
 * Puts the last 3 hours of an alarm's metric, as a picture, into its episode message's thread (DESIGN section 13:
 * CloudWatch {@code GetMetricWidgetImage}, uploaded with {@code files.getUploadURLExternal} and
 * {@code files.completeUploadExternal}). Called by the alarm message adapter right after a new episode's message is
 * posted; returns at once and never fails its caller: where the picture cannot be had or uploaded, nothing is said in
 * the channel.
 *
 * <p>Issue 17 groundwork: the seam the message adapter and the graph adapter meet at; the graph work fills
 * {@link #attach}.
 */
@Singleton
public class AlarmGraphInThread {

    /** Attaches the graph of {@code episode.latest().graph()} (when present) in the thread of {@code message}. */
    public void attach(AlertEpisode episode, AlertEpisode.Message message) {
        // filled by the graph work of issue 17
    }
}
