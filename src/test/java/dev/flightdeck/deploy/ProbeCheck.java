package dev.flightdeck.deploy;

import dev.flightdeck.deploy.Gate;
import dev.flightdeck.deploy.check.CheckOutcome;
import dev.flightdeck.deploy.check.DeployCandidate;
import dev.flightdeck.deploy.check.DeployCheck;
import dev.flightdeck.testing.TestClockFactory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * A rule added the way later issues add theirs (one bean, nothing else edited): it passes, except that for version
 * {@value #EXPLODING_VERSION} it throws, as a check whose dependency is down would.
 */
@Singleton
@Requires(property = TestClockFactory.PROPERTY, value = "true")
public class ProbeCheck implements DeployCheck {

    public static final String EXPLODING_VERSION = "9.9.9-probe-down";

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public Optional<Gate> gate() {
        return Optional.empty();
    }

    @Override
    public CheckOutcome check(DeployCandidate candidate) {
        if (EXPLODING_VERSION.equals(candidate.version())) {
            throw new IllegalStateException("probe service unreachable");
        }
        return new CheckOutcome.Passed("probe is happy");
    }
}
