package dev.flightdeck.deploy;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a deploy's approvers should know of its configuration: the changes to the service in the environment since its
 * last successful deploy there (every one recorded, before the first deploy): the latest {@value #SHOWN} of them
 * and how many earlier. Once the request is itself the last success it has nothing to add.
 */
@Singleton
public class ConfigSinceLastDeploy {

    static final int SHOWN = 5;
    /** Read at most this many: "and 95+ more" says enough. */
    static final int READ = 100;

    /**
     * @param shown   the latest changes, oldest first
     * @param earlier how many earlier changes are not shown; {@code atLeast} when there may be more still
     */
    public record Section(List<ConfigChangesSeen.Change> shown, int earlier, boolean atLeast) {
        public Section {
            shown = List.copyOf(shown);
        }
    }

    private final DeployRepository deploys;
    private final Optional<ConfigChangesSeen> history;

    /** @param history absent in a build without the config history: then there is nothing to list */
    public ConfigSinceLastDeploy(DeployRepository deploys, Optional<ConfigChangesSeen> history) {
        this.deploys = deploys;
        this.history = history;
    }

    /** Empty when nothing changed (or nothing is recorded). */
    public Optional<Section> of(DeployRequest r) {
        // Most services never have a change recorded: one indexed look at the history spares them the deploy query
        // (the message is redrawn on every click, under the go's round-trip budget).
        if (history.isEmpty() || history.get().since(r.service(), r.environment(), Instant.EPOCH, 1).isEmpty()) {
            return Optional.empty();
        }
        Optional<DeployRequest> last = deploys.lastSucceeded(r.service(), r.environment());
        if (last.isPresent() && last.get().id() == r.id()) {
            return Optional.empty();
        }
        // From when the last deploy started: a change made while it ran may not have reached it, so it is listed again.
        Instant since = last.map(d -> d.startedAt() != null ? d.startedAt() : d.stateChangedAt()).orElse(Instant.EPOCH);
        List<ConfigChangesSeen.Change> changes = history.get().since(r.service(), r.environment(), since, READ);
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        int earlier = Math.max(0, changes.size() - SHOWN);
        return Optional.of(new Section(changes.subList(earlier, changes.size()), earlier, changes.size() >= READ));
    }
}
