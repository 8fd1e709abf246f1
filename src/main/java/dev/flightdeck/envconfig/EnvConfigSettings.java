package dev.flightdeck.envconfig;

import java.util.List;
import java.util.Optional;

/** Where a service's environment configuration lives, and the rules it must pass. Paths may contain {env}. */
public record EnvConfigSettings(Optional<String> ssmPath, List<String> secrets, ConfigRules rules) {

    public static final EnvConfigSettings NONE = new EnvConfigSettings(Optional.empty(), List.of(), ConfigRules.NONE);

    public EnvConfigSettings {
        secrets = List.copyOf(secrets);
    }

    public Optional<String> ssmPathFor(String env) {
        return ssmPath.map(p -> EnvTemplates.forEnv(p, env));
    }

    public List<String> secretsFor(String env) {
        return EnvTemplates.forEnv(secrets, env);
    }
}
