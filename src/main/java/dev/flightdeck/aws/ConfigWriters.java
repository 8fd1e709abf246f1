package dev.flightdeck.aws;

import dev.flightdeck.envconfig.Fingerprinter;
import dev.flightdeck.envconfig.change.ConfigTarget;
import dev.flightdeck.envconfig.change.ConfigWriter;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The one {@link ConfigWriter}: a key in Secrets Manager goes to {@link SecretsManagerConfigWriter}, any other
 * (an SSM parameter) to {@link SsmConfigWriter}. The two are not beans themselves, so injecting ConfigWriter is
 * never ambiguous.
 */
@Singleton
public class ConfigWriters implements ConfigWriter {

    private final ConfigWriter ssm;
    private final ConfigWriter secretsManager;

    public ConfigWriters(AwsClients clients, Provider<Fingerprinter> fingerprints) {
        this.ssm = new SsmConfigWriter(clients);
        this.secretsManager = new SecretsManagerConfigWriter(clients, fingerprints);
    }

    private ConfigWriter of(ConfigTarget target) {
        return target.inSecretsManager() ? secretsManager : ssm;
    }

    @Override
    public Result set(ConfigTarget target, String expectedVersion, String value, Optional<String> kmsKey) {
        return of(target).set(target, expectedVersion, value, kmsKey);
    }

    @Override
    public Result unset(ConfigTarget target, String expectedVersion) {
        return of(target).unset(target, expectedVersion);
    }

    @Override
    public Optional<String> valueBefore(ConfigTarget target, String version) {
        return of(target).valueBefore(target, version);
    }

    @Override
    public String toString() {
        return "ConfigWriters[" + ssm + ", " + secretsManager + "]";
    }
}
