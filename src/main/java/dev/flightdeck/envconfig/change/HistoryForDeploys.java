package dev.flightdeck.envconfig.change;

import dev.flightdeck.deploy.ConfigChangesSeen;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/** The config history as a deploy sees it: recorded changes, Flightdeck's and outside ones alike, never a value. */
@Singleton
@Requires(beans = ConfigHistory.class)
public class HistoryForDeploys implements ConfigChangesSeen {

    private final ConfigHistory history;

    public HistoryForDeploys(ConfigHistory history) {
        this.history = history;
    }

    @Override
    public List<Change> since(String service, String environment, Instant since, int limit) {
        return history.since(service, environment, since, limit).stream()
                .map(e -> new Change(e.key(), e.at(), e.actor(), e.outside(), e.oldVersion(), e.newVersion()))
                .toList();
    }
}
