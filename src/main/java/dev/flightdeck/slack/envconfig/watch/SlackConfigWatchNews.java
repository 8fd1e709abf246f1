package dev.flightdeck.slack.envconfig.watch;

import dev.flightdeck.envconfig.change.ConfigWatchNews;
import dev.flightdeck.slack.api.outbox.Outbox;
import dev.flightdeck.slack.api.outbox.OutboxMessage;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ConfigWatchNews} on Slack: in the environment's channel, through the outbox (a Slack outage delays the notice
 * instead of dropping it). The message key is the change itself, so queuing the same change twice sends it once.
 */
@Singleton
public class SlackConfigWatchNews implements ConfigWatchNews {

    private static final Logger LOG = LoggerFactory.getLogger(SlackConfigWatchNews.class);

    private final Outbox outbox;
    private final TeamConfig team;

    public SlackConfigWatchNews(Outbox outbox, TeamConfig team) {
        this.outbox = outbox;
        this.team = team;
    }

    @Override
    public void changedOutside(OutsideNews news) {
        var env = team.environment(news.environment());
        if (env.isEmpty()) {
            LOG.warn("config watch: no channel for environment {} (removed from the team file?)", news.environment());
            return;
        }
        String order = "config:" + news.service() + ":" + news.environment();
        String key = order + ":" + news.key() + ":" + news.newVersion() + ":outside";
        outbox.send(OutboxMessage.post(fit(order, 200), env.get().channel().text(), ConfigWatchWords.text(news))
                .key(fit(key, 300)));
    }

    /** The outbox's key columns have a width; a longer key keeps a name-based id of its own. */
    private static String fit(String key, int width) {
        return key.length() <= width ? key
                : "config:" + java.util.UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
