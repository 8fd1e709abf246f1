package dev.flightdeck.envconfig;

import dev.flightdeck.deploy.Gate;
import dev.flightdeck.deploy.check.CheckOutcome;
import dev.flightdeck.deploy.check.DeployCandidate;
import dev.flightdeck.deploy.check.DeployCheck;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The config gate: the service's configuration rules must pass in the target environment. Names each failing key
 * and rule; a store that can't be read blocks too (an approver may override), since "could not check" is not "fine".
 */
@Singleton
public class ConfigDeployCheck implements DeployCheck {

    private final EnvConfigService service;
    private final RuleDescriber words;

    public ConfigDeployCheck(EnvConfigService service, RuleDescriber words) {
        this.service = service;
        this.words = words;
    }

    @Override
    public String name() {
        return "config";
    }

    @Override
    public Optional<Gate> gate() {
        return Optional.of(Gate.CONFIG);
    }

    @Override
    public CheckOutcome check(DeployCandidate candidate) {
        String target = candidate.service() + " in " + candidate.environment();
        if (candidate.serviceConfig().config().rules().isEmpty()) {
            return new CheckOutcome.Passed("no config rules for " + candidate.service());
        }
        if (!service.hasSources(candidate.service())) {
            return new CheckOutcome.Blocked("config rules are set for " + candidate.service()
                    + " but no ssm-path or secrets say where its configuration lives");
        }
        ConfigCheckReport report;
        try {
            report = service.check(candidate.service(), candidate.environment());
        } catch (ConfigSourceException e) {
            return new CheckOutcome.Blocked("could not read the configuration of " + target + ": " + e.getMessage());
        }
        if (report.passes()) {
            return new CheckOutcome.Passed(report.results().size() + " config rule checks pass for " + target);
        }
        return new CheckOutcome.Blocked(report.blocking().stream()
                .map(r -> "config rule " + r.rule().label() + " on " + r.key() + ": " + words.describe(r))
                .collect(Collectors.joining("; ")));
    }
}
