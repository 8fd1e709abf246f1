package dev.flightdeck.envconfig;

import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The environment-config use cases: show, diff, check. Each may call AWS: run after the ack. */
@Singleton
public class EnvConfigService {

    private final TeamConfig team;
    private final ConfigReader reader;

    public EnvConfigService(TeamConfig team, ConfigReader reader) {
        this.team = team;
        this.reader = reader;
    }

    /** @throws ConfigSourceException when a source can't be read */
    public ConfigSnapshot show(String service, String env) {
        return reader.read(service, env);
    }

    public ConfigDiff diff(String service, String envA, String envB) {
        return ConfigDiff.between(reader.read(service, envA), reader.read(service, envB),
                team.environments().keySet());
    }

    /**
     * Applies the service's rules in {@code env}. The service's own configuration must be readable (else
     * {@link ConfigSourceException}); another environment or service that can't be read makes only the rules
     * needing it UNKNOWN.
     */
    public ConfigCheckReport check(String service, String env) {
        ServiceConfig config = team.service(service)
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + service));
        ConfigSnapshot snapshot = reader.read(service, env);
        return new ConfigCheckReport(service, env, snapshot.size(), rulesOn(config, snapshot), snapshot.problems());
    }

    /**
     * The service's rules on {@code snapshot} (its configuration in one environment, as read or with a proposed value
     * in place), against the other environments and services as stored now. {@link #check} and a config change
     * proposal share it, so a proposal is judged exactly as the deploy gate will judge it later.
     */
    public java.util.List<RuleResult> rulesOn(String service, ConfigSnapshot snapshot) {
        return rulesOn(team.service(service)
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + service)), snapshot);
    }

    private java.util.List<RuleResult> rulesOn(ServiceConfig config, ConfigSnapshot snapshot) {
        String service = config.name();
        String env = snapshot.env();
        var rules = config.config().rules();
        Map<String, String> unreadable = new LinkedHashMap<>();
        Map<String, Optional<ConfigSnapshot>> otherEnvs = new LinkedHashMap<>();
        if (!rules.differAcrossEnvironments().isEmpty()) {
            for (String other : team.environments().keySet()) {
                if (!other.equals(env)) {
                    otherEnvs.put(other, tryRead(service, other, other, unreadable));
                }
            }
        }
        Map<String, Optional<ConfigSnapshot>> otherServices = new LinkedHashMap<>();
        if (!rules.uniqueAcrossServices().isEmpty()) {
            for (String other : team.services().keySet()) {
                if (!other.equals(service) && reader.hasSources(other)) {
                    otherServices.put(other, tryRead(other, env, other, unreadable));
                }
            }
        }
        return ConfigRulesEngine.apply(rules, snapshot, team.environments().keySet(),
                new ConfigRulesEngine.Others(otherEnvs, otherServices, unreadable));
    }

    public boolean hasSources(String service) {
        return reader.hasSources(service);
    }

    private Optional<ConfigSnapshot> tryRead(String service, String env, String label, Map<String, String> unreadable) {
        try {
            return Optional.of(reader.read(service, env));
        } catch (ConfigSourceException e) {
            unreadable.put(label, e.getMessage());
            return Optional.empty();
        }
    }
}
