package dev.flightdeck.envconfig;

import java.util.List;
import java.util.Optional;

/**
 * Where a service's environment configuration lives, and the rules it must pass. Paths may contain {env}.
 * {@code changes} ({@code config.changes}) lets people propose changes through a go/no-go; {@code kmsKey}
 * ({@code config.kms-key}) is the KMS key SSM encrypts a changed {@code SecureString} with (else the account's default).
 */
public record EnvConfigSettings(Optional<String> ssmPath, List<String> secrets, ConfigRules rules, boolean changes,
                                Optional<String> kmsKey) {

    public static final EnvConfigSettings NONE = new EnvConfigSettings(Optional.empty(), List.of(), ConfigRules.NONE);

    public EnvConfigSettings {
        secrets = List.copyOf(secrets);
    }

    /** Settings that allow no changes. */
    public EnvConfigSettings(Optional<String> ssmPath, List<String> secrets, ConfigRules rules) {
        this(ssmPath, secrets, rules, false, Optional.empty());
    }

    public Optional<String> ssmPathFor(String env) {
        return ssmPath.map(p -> EnvTemplates.forEnv(p, env));
    }

    public List<String> secretsFor(String env) {
        return EnvTemplates.forEnv(secrets, env);
    }
}
