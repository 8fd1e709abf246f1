package dev.flightdeck.flagproviders;

import dev.flightdeck.deploy.flags.FlagProvider;
import dev.flightdeck.deploy.flags.FlagProviderException;
import dev.flightdeck.deploy.flags.FlagsConfig;
import jakarta.inject.Singleton;

import java.util.List;

/** The {@link FlagProvider} port: the provider the team file names, LaunchDarkly or Flagsmith. */
@Singleton
public class ProviderFlags implements FlagProvider {

    private final LaunchDarklyFlags launchDarkly;
    private final FlagsmithFlags flagsmith;

    public ProviderFlags(LaunchDarklyFlags launchDarkly, FlagsmithFlags flagsmith) {
        this.launchDarkly = launchDarkly;
        this.flagsmith = flagsmith;
    }

    @Override
    public Reading read(FlagsConfig config, String flagKey, List<String> providerEnvironments)
            throws FlagProviderException {
        if (config instanceof FlagsConfig.LaunchDarkly ld) {
            return launchDarkly.read(ld, flagKey, providerEnvironments);
        }
        return flagsmith.read((FlagsConfig.Flagsmith) config, flagKey, providerEnvironments);
    }

    @Override
    public FlipResult flip(FlagsConfig config, String flagKey, String providerEnvironment, boolean on, String comment) {
        if (config instanceof FlagsConfig.LaunchDarkly ld) {
            return launchDarkly.flip(ld, flagKey, providerEnvironment, on, comment);
        }
        return flagsmith.flip((FlagsConfig.Flagsmith) config, flagKey, providerEnvironment, on, comment);
    }
}
