package dev.flightdeck.slack.alarms;

import dev.flightdeck.alarms.AlertEpisode;
import dev.flightdeck.alarms.AlertEpisodeStore;
import dev.flightdeck.slack.api.outbox.OutboxListener;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Runs once an alarm episode's message has its ts, whenever the outbox sent it: at once, or later when Slack was
 * slow or down past {@link SlackAlertNews}'s wait, or after a restart. Stores where the message is (buttons, the OK
 * redraw and nudges need it) and puts the alarm's graph into its thread, so a late post gets both like a prompt one.
 */
@Singleton
@Requires(beans = AlertEpisodeStore.class)
public class AlertMessageRecorder implements OutboxListener {

    private static final String PREFIX = "alert-message:";

    private final AlertEpisodeStore store;
    private final AlarmGraphInThread graphs;

    public AlertMessageRecorder(AlertEpisodeStore store, AlarmGraphInThread graphs) {
        this.store = store;
        this.graphs = graphs;
    }

    static String hook(long episodeId) {
        return PREFIX + episodeId;
    }

    @Override
    public void sent(String hook, String channel, String ts) {
        if (!hook.startsWith(PREFIX)) {
            return;
        }
        long id = Long.parseLong(hook.substring(PREFIX.length()));
        AlertEpisode.Message where = new AlertEpisode.Message(channel, ts);
        store.saveMessage(id, where);
        store.find(id).ifPresent(held -> graphs.attach(held.episode(), where));
    }
}
