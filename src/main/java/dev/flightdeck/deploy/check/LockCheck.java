package dev.flightdeck.deploy.check;

import dev.flightdeck.deploy.Gate;
import dev.flightdeck.deploy.DeployRepository;
import jakarta.inject.Singleton;

import java.util.Optional;

/** One deploy at a time per service and environment, and manual locks (gate {@code lock}). */
@Singleton
public class LockCheck implements DeployCheck {

    private final DeployRepository repository;
    private final CheckWords words;

    public LockCheck(DeployRepository repository, CheckWords words) {
        this.repository = repository;
        this.words = words;
    }

    @Override
    public String name() {
        return "lock";
    }

    @Override
    public Optional<Gate> gate() {
        return Optional.of(Gate.LOCK);
    }

    @Override
    public CheckOutcome check(DeployCandidate c) {
        String env = c.environment().toUpperCase(java.util.Locale.ROOT);
        var manual = repository.lock(c.service(), c.environment());
        if (manual.isPresent()) {
            var lock = manual.get();
            return new CheckOutcome.Blocked(words.locked(c.service(), c.environment(), lock.lockedBy(), lock.lockedAt(),
                    lock.reason()));
        }
        var inFlight = repository.inFlight(c.service(), c.environment(), -1);
        if (inFlight.isPresent()) {
            var other = inFlight.get();
            return new CheckOutcome.Blocked("deploy #" + other.id() + " of " + c.service() + " " + other.version()
                    + " to " + env + " is " + other.state().label() + "; one deploy at a time");
        }
        return new CheckOutcome.Passed("no other deploy of " + c.service() + " to " + env + " in flight, no manual lock");
    }
}
