package dev.flightdeck.deploy.check;

import dev.flightdeck.deploy.Gate;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Deploys start only inside the environment's deploy window (gate {@code window}). */
@Singleton
public class WindowCheck implements DeployCheck {

    @Override
    public String name() {
        return "window";
    }

    @Override
    public Optional<Gate> gate() {
        return Optional.of(Gate.WINDOW);
    }

    @Override
    public CheckOutcome check(DeployCandidate candidate) {
        var window = candidate.environmentConfig().window();
        if (window.isEmpty()) {
            return new CheckOutcome.Passed("no deploy window in " + upper(candidate) + ": always open");
        }
        if (candidate.environmentConfig().windowOpenAt(candidate.at())) {
            return new CheckOutcome.Passed("inside the deploy window (" + window.get().describe() + ")");
        }
        return new CheckOutcome.Blocked("outside the deploy window for " + upper(candidate) + " ("
                + window.get().describe() + "); it is now " + candidate.at().atZone(window.get().zone())
                .toLocalDateTime().toString().replace('T', ' ') + " there");
    }

    private static String upper(DeployCandidate c) {
        return c.environment().toUpperCase(java.util.Locale.ROOT);
    }
}
