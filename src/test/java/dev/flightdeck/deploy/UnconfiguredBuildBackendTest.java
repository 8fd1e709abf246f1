package dev.flightdeck.deploy;

import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.team.ServiceConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Production without a real backend says so instead of silently doing nothing. */
class UnconfiguredBuildBackendTest {

    @Test
    void theDefaultBackendFailsTheTriggerNamingTheService() {
        DeployRequest r = DeployRequests.aProdRequest().id(7).version("1.0").in(DeployState.TRIGGERING).build();
        ServiceConfig service = new ServiceConfig("commons", new BuildBackendConfig.CodeBuild("commons-{env}"),
                EnvConfigSettings.NONE, Optional.empty(), Map.of());
        BuildTrigger result = new UnconfiguredBuildBackend().trigger(r, service);
        assertThat(result).isInstanceOf(BuildTrigger.Failed.class);
        assertThat(((BuildTrigger.Failed) result).reason()).startsWith("no build backend configured for commons");
    }
}
