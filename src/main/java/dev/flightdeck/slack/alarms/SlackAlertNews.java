package dev.flightdeck.slack.alarms;

import dev.flightdeck.alarms.AlertEpisode;
import dev.flightdeck.alarms.AlertNews;
import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.slack.api.outbox.Outbox;
import dev.flightdeck.slack.api.outbox.OutboxEntry;
import dev.flightdeck.slack.api.outbox.OutboxMessage;
import dev.flightdeck.slack.deploy.ApproverMentions;
import dev.flightdeck.team.ChannelRef;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link AlertNews} on Slack. Every message goes through the outbox under the episode's key, so an episode's
 * messages land in the order they happened and a Slack outage only delays them (retried, never lost). Redraws and
 * nudges queued before the episode's message was posted name it as their parent and are sent once its ts is known;
 * the buttons carry the episode id, so they work whether or not the episode ever learnt where its message landed.
 */
@Singleton
@Requires(beans = Outbox.class)
public class SlackAlertNews implements AlertNews {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAlertNews.class);
    /**
     * How long {@link #post} waits for Slack to take the message. The alert arrived by webhook, and the monitor
     * resends what is not answered in time, so this stays short; a slower Slack only delays the message.
     */
    static final Duration WAIT = Duration.ofSeconds(8);

    private final Outbox outbox;
    private final ApproverMentions mentions;
    private final Clock clock;

    public SlackAlertNews(Outbox outbox, ApproverMentions mentions, Clock clock) {
        this.outbox = outbox;
        this.mentions = mentions;
        this.clock = clock;
    }

    /** The key of an episode's messages, and the message key of its message. */
    static String keyOf(long episodeId) {
        return "alert:" + episodeId;
    }

    /** Empty while Slack has not taken it (it is still sent later) or when Slack refused it for good. */
    @Override
    public Optional<AlertEpisode.Message> post(AlertEpisode episode, ChannelRef channel) {
        AlertMessage m = new AlertMessage(episode);
        String key = keyOf(episode.id());
        OutboxEntry e = outbox.sendAndWait(OutboxMessage.post(key, channel.text(), m.text())
                .attachments(m.attachments()).key(key).onSent(AlertMessageRecorder.hook(episode.id())), WAIT);
        if (e.state() != OutboxEntry.State.SENT) {
            if (e.state().finished()) {
                LOG.warn("alarm {} of episode {} not posted to {}: {}", episode.latest().name(), episode.id(),
                        channel.text(), e.lastError());
            }
            return Optional.empty();
        }
        // The graph goes into the thread from AlertMessageRecorder, which runs for a late send too.
        return Optional.of(new AlertEpisode.Message(e.sentChannel(), e.sentTs()));
    }

    @Override
    public void update(AlertEpisode episode) {
        AlertMessage m = new AlertMessage(episode);
        String key = keyOf(episode.id());
        OutboxMessage update = episode.message()
                .map(at -> OutboxMessage.update(key, at.channelId(), at.ts(), m.text()))
                .orElseGet(() -> OutboxMessage.updateOf(key, key, m.text()));
        outbox.send(update.attachments(m.attachments()));
    }

    @Override
    public void nudge(AlertEpisode episode, List<ApproverRef> who) {
        String key = keyOf(episode.id());
        String text = AlertWords.nudge(episode, who.isEmpty() ? "" : mentions.of(who), clock.instant());
        // Keyed per nudge: a scheduler run redone after a crash queues it once.
        OutboxMessage reply = OutboxMessage.post(key, episode.message().map(AlertEpisode.Message::channelId).orElse(null), text)
                .key(key + ":nudge:" + episode.nudges()).marker("alert-nudge:" + episode.id() + ":" + episode.nudges());
        outbox.send(episode.message().map(at -> reply.inThread(at.ts())).orElseGet(() -> reply.inThreadOf(key)));
    }
}
