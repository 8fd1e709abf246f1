package dev.flightdeck.deploy.check;

import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.Gate;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Gate {@code promoted}: an environment with {@code promotion-from} takes only a version that has SUCCEEDED there
 * first, so what reaches PROD has run in STAGING. Two bounded reads: that version's last success in the other
 * environment, and (to say what is there instead) the version live there.
 */
@Singleton
public class PromotedCheck implements DeployCheck {

    private final DeployRepository repository;
    private final CheckWords words;

    public PromotedCheck(DeployRepository repository, CheckWords words) {
        this.repository = repository;
        this.words = words;
    }

    @Override
    public String name() {
        return "promoted";
    }

    @Override
    public Optional<Gate> gate() {
        return Optional.of(Gate.PROMOTED);
    }

    @Override
    public CheckOutcome check(DeployCandidate c) {
        Optional<String> from = c.environmentConfig().promotionFrom();
        if (from.isEmpty()) {
            // The team-file parser refuses the gate without promotion-from; a hand-built config still gets an answer.
            return new CheckOutcome.Passed(words.promotesFromNowhere(c.environment()));
        }
        Optional<DeployRequest> there = repository.succeeded(c.service(), from.get(), c.version());
        if (there.isPresent()) {
            return new CheckOutcome.Passed(words.promoted(c.version(), from.get(), there.get().id(),
                    there.get().finishedAt()));
        }
        Optional<String> live = repository.lastSucceeded(c.service(), from.get()).map(DeployRequest::version);
        return new CheckOutcome.Blocked(words.notPromoted(c.version(), from.get(), live));
    }
}
