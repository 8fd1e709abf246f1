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
        DeployRequest r = new DeployRequest(7, "commons", "prod", "1.0", "U1", "U1", null, null, DeployState.TRIGGERING, 1,
                java.time.Instant.EPOCH, null, null, java.time.Instant.EPOCH, null, null, null, 0, null, null, null, null, null);
        ServiceConfig service = new ServiceConfig("commons", new BuildBackendConfig.CodeBuild("commons-{env}"),
                EnvConfigSettings.NONE, Optional.empty(), Map.of());
        BuildTrigger result = new UnconfiguredBuildBackend().trigger(r, service);
        assertThat(result).isInstanceOf(BuildTrigger.Failed.class);
        assertThat(((BuildTrigger.Failed) result).reason()).startsWith("no build backend configured for commons");
    }
}
