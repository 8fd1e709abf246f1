package dev.flightdeck.deploy.flags;

import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a deploy's approvers should know of the environment's feature flags: the flips applied there through Flightdeck
 * since the service's last successful deploy to it (all of them before the first): the latest {@value #SHOWN} and how
 * many earlier. Once the request is itself the last success it has nothing to add.
 */
@Singleton
public class FlagsSinceLastDeploy {

    static final int SHOWN = 5;
    static final int READ = 100;

    /** @param shown the latest flips, oldest first; {@code earlier} how many came before them ({@code atLeast}: maybe more) */
    public record Section(List<FlagRequest> shown, int earlier, boolean atLeast) {
        public Section {
            shown = List.copyOf(shown);
        }
    }

    private final DeployRepository deploys;
    private final Optional<FlagRepository> flags;

    public FlagsSinceLastDeploy(DeployRepository deploys, Optional<FlagRepository> flags) {
        this.deploys = deploys;
        this.flags = flags;
    }

    /** Empty when no flag changed (or none is recorded). */
    public Optional<Section> of(DeployRequest r) {
        // Most environments never see a flip: one indexed look spares them the deploy query.
        if (flags.isEmpty() || flags.get().appliedSince(r.environment(), Instant.EPOCH, 1).isEmpty()) {
            return Optional.empty();
        }
        Optional<DeployRequest> last = deploys.lastSucceeded(r.service(), r.environment());
        if (last.isPresent() && last.get().id() == r.id()) {
            return Optional.empty();
        }
        Instant since = last.map(d -> d.startedAt() != null ? d.startedAt() : d.stateChangedAt()).orElse(Instant.EPOCH);
        List<FlagRequest> flips = flags.get().appliedSince(r.environment(), since, READ);
        if (flips.isEmpty()) {
            return Optional.empty();
        }
        int earlier = Math.max(0, flips.size() - SHOWN);
        return Optional.of(new Section(flips.subList(earlier, flips.size()), earlier, flips.size() >= READ));
    }
}
