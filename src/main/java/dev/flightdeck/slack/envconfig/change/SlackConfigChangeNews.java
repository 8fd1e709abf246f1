package dev.flightdeck.slack.envconfig.change;

import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.envconfig.change.ChangeNews;
import dev.flightdeck.envconfig.change.ConfigChange;
import dev.flightdeck.envconfig.change.ConfigChangeNews;
import dev.flightdeck.slack.api.outbox.Outbox;
import dev.flightdeck.slack.api.outbox.OutboxEntry;
import dev.flightdeck.slack.api.outbox.OutboxMessage;
import dev.flightdeck.slack.deploy.ApproverMentions;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * {@link ConfigChangeNews} on Slack. Every message goes through the outbox under the change's key, so a change's
 * messages land in the order they happened and a Slack outage only delays them (retried, never lost). Replies and
 * redraws queued before the request was posted name it as their parent and are sent once its ts is known.
 */
@Singleton
public class SlackConfigChangeNews implements ConfigChangeNews {

    /** How long {@link #post} waits for Slack to take the request (it runs after the ack). */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Outbox outbox;
    private final TeamConfig config;
    private final ApproverMentions mentions;

    public SlackConfigChangeNews(Outbox outbox, TeamConfig config, ApproverMentions mentions) {
        this.outbox = outbox;
        this.config = config;
        this.mentions = mentions;
    }

    static String keyOf(long changeId) {
        return "config-change:" + changeId;
    }

    /**
     * Empty when Slack did not take the request within {@link #WAIT} (the bot can't post there, or Slack is down):
     * the use case then cancels it, and the cancel's redraw, queued behind the post, shows it cancelled if the outbox
     * gets it out later. Nothing waits for a decision nobody can see.
     */
    @Override
    public Optional<ConfigChange.Message> post(ConfigChange change) {
        ChangeRequestMessage m = render(change, Optional.empty());
        OutboxEntry e = outbox.sendAndWait(OutboxMessage.post(keyOf(change.id()), channelOf(change), m.text())
                .blocks(m.blocks()).key(keyOf(change.id())), WAIT);
        return e.state() == OutboxEntry.State.SENT
                ? Optional.of(new ConfigChange.Message(e.sentChannel(), e.sentTs())) : Optional.empty();
    }

    @Override
    public void changed(ConfigChange change, ChangeNews news) {
        String key = keyOf(change.id());
        ChangeRequestMessage m = render(change, ChangeNewsWords.actor(news));
        OutboxMessage update = change.message().isPresent()
                ? OutboxMessage.update(key, change.message().get().channelId(), change.message().get().ts(), m.text())
                : OutboxMessage.updateOf(key, key, m.text());
        outbox.send(update.blocks(m.blocks()));
        String words = ChangeNewsWords.thread(change, news, m.approverMentions());
        outbox.send(inThread(change, OutboxMessage.post(key, channel(change), words)));
        if (news instanceof ChangeNews.Applied applied) {
            // In the channel itself too: a change of production config is seen without opening a thread.
            outbox.send(OutboxMessage.post(key, channel(change), ChangeNewsWords.announcement(change, applied)));
        }
    }

    ChangeRequestMessage render(ConfigChange change, Optional<String> decidedBy) {
        EnvironmentConfig env = config.environment(change.environment()).orElseThrow(
                () -> new IllegalStateException("no environment " + change.environment() + " in the team config"));
        return new ChangeRequestMessage(change, env, mentions.of(env.approvers()), decidedBy);
    }

    private static OutboxMessage inThread(ConfigChange c, OutboxMessage m) {
        return c.message().isPresent() ? m.inThread(c.message().get().ts()) : m.inThreadOf(keyOf(c.id()));
    }

    private String channel(ConfigChange c) {
        return c.message().map(ConfigChange.Message::channelId).orElseGet(() -> channelOf(c));
    }

    private String channelOf(ConfigChange c) {
        return config.environment(c.environment()).orElseThrow().channel().text();
    }
}
