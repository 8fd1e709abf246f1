package dev.flightdeck.config;

import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.SlotSettings;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.team.TeamConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static dev.flightdeck.config.TeamConfigs.errors;
import static dev.flightdeck.config.TeamConfigs.valid;
import static org.assertj.core.api.Assertions.assertThat;

/** Each slot is an environment: its own where the file declares it, its pool's settings under its name otherwise. */
class SlotEnvironmentsTest {

    private static final String DEV = """
            flightdeck:
              environments:
                dev:
                  channel: "#deploys-dev"
                  approvals: 1
                  approvers: [U0LEAD]
                  max-hold: 8h
                  versions: branches
                dev3:
                  channel: "#dev3"
                  approvals: 0
                prod:
                  channel: "#deploys"
                  approvals: 1
                  approvers: ["@release-managers"]
              slots: { dev: [dev1, dev2, dev3] }
              services:
                commons:
                  build:
                    codebuild: { project: "commons-{env}" }
                  health:
                    dev2: https://dev2.commons.example.com/health
            """;

    @Test
    void aSlotTheFileDoesNotDeclareHasItsPoolsSettingsUnderItsOwnName() {
        TeamConfig t = valid(DEV);
        assertThat(t.environments().keySet()).containsExactly("dev", "dev1", "dev2", "dev3", "prod");
        EnvironmentConfig dev = t.environment("dev").orElseThrow();
        EnvironmentConfig dev2 = t.environment("dev2").orElseThrow();
        assertThat(dev2).isEqualTo(dev.named("dev2"));
        assertThat(dev2.name()).isEqualTo("dev2");
        assertThat(dev2.approvers()).isEqualTo(dev.approvers());
        assertThat(dev2.slots()).isEqualTo(new SlotSettings(Duration.ofHours(8), true));
        // {env} is the slot's own name: commons builds commons-dev2 there.
        assertThat(t.service("commons").orElseThrow().buildFor("dev2")).isEqualTo(new BuildBackendConfig.CodeBuild("commons-dev2"));
        assertThat(t.service("commons").orElseThrow().healthUrl("dev2")).contains(URI.create("https://dev2.commons.example.com/health"));
    }

    @Test
    void aSlotTheFileDeclaresKeepsItsOwnSettings() {
        EnvironmentConfig dev3 = valid(DEV).environment("dev3").orElseThrow();
        assertThat(dev3.channel().text()).isEqualTo("#dev3");
        assertThat(dev3.approvals()).isZero();
        assertThat(dev3.slots()).isEqualTo(SlotSettings.DEFAULTS);
    }

    @Test
    void maxHoldAndVersionsAreCheckedWithTheirDefaults() {
        TeamConfig plain = valid(TeamConfigs.STAGING_AND_PROD);
        assertThat(plain.environment("staging").orElseThrow().slots()).isEqualTo(SlotSettings.DEFAULTS);
        assertThat(SlotSettings.DEFAULTS.maxHold()).isEqualTo(Duration.ofHours(24));
        assertThat(SlotSettings.DEFAULTS.defaultHold()).isEqualTo(Duration.ofHours(4));
        assertThat(new SlotSettings(Duration.ofHours(2), false).defaultHold()).isEqualTo(Duration.ofHours(2));
        List<String> errors = errors(TeamConfigs.STAGING_AND_PROD.replace("approvals: 0",
                "approvals: 0\n      max-hold: 30m\n      versions: feature-branches"));
        assertThat(errors).containsExactlyInAnyOrder(
                "flightdeck.yml: flightdeck.environments.staging.max-hold: must be between 1h and 7d: the longest a"
                        + " shared slot is held, extensions included",
                "flightdeck.yml: flightdeck.environments.staging.versions: must be branches (a branch name may be"
                        + " deployed as the version) or releases (the default), got \"feature-branches\"");
    }
}
