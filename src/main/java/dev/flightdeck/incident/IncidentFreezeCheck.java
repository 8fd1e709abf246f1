package dev.flightdeck.incident;

import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.deploy.check.CheckOutcome;
import dev.flightdeck.deploy.check.CheckWords;
import dev.flightdeck.deploy.check.DeployCandidate;
import dev.flightdeck.deploy.check.DeployCheck;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The deploy freeze: an open incident at or above the environment's freeze-at severity blocks deploys there. */
@Singleton
@Named("freeze")
public class IncidentFreezeCheck implements DeployCheck {

    private final OpenIncidents incidents;
    private final CheckWords words;

    public IncidentFreezeCheck(OpenIncidents incidents, CheckWords words) {
        this.incidents = incidents;
        this.words = words;
    }

    @Override
    public String name() {
        return "freeze";
    }

    @Override
    public Optional<Gate> gate() {
        return Optional.of(Gate.FREEZE);
    }

    @Override
    public CheckOutcome check(DeployCandidate candidate) {
        EnvironmentConfig env = candidate.environmentConfig();
        if (env.freezeAt().isEmpty()) {
            return new CheckOutcome.Passed("incidents never freeze " + env.name());
        }
        List<Incident> blocking = incidents.open().stream()
                .filter(i -> env.frozenBy(i.severity()))
                .sorted(Comparator.comparing(Incident::severity).thenComparing(Incident::number))
                .toList();
        String threshold = env.freezeAt().get().label();
        if (blocking.isEmpty()) {
            return new CheckOutcome.Passed("no open incident at " + threshold + " or worse");
        }
        return new CheckOutcome.Blocked(words.frozen(blocking.stream()
                .map(i -> new CheckWords.FrozenBy(i.id(), i.severity().label(), i.title())).toList(),
                env.name(), threshold));
    }
}
