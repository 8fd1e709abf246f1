package dev.flightdeck.config;

import org.junit.jupiter.api.Test;

import static dev.flightdeck.config.TeamConfigs.errors;
import static dev.flightdeck.config.TeamConfigs.valid;
import static org.assertj.core.api.Assertions.assertThat;

/** flightdeck.health: the one key that lets health checks reach 100.64.0.0/10, off unless written. */
class HealthChecksRulesTest {

    static final String ENVS = """
            flightdeck:
              environments:
                staging: { channel: "#deploys", approvals: 0 }
            """;

    @Test
    void leftOutTheSharedAddressSpaceIsRefused() {
        assertThat(valid(ENVS).health().allowSharedAddressSpace()).isFalse();
    }

    @Test
    void writtenTrueAllowsIt() {
        assertThat(valid(ENVS + """
                  health:
                    allow-shared-address-space: true
                """).health().allowSharedAddressSpace()).isTrue();
    }

    @Test
    void aWrongValueOrAStrayKeyIsReported() {
        assertThat(errors(ENVS + """
                  health:
                    allow-shared-address-space: yes please
                    allow-metadata: true
                """)).hasSize(2).anySatisfy(e -> assertThat(e).isEqualTo(
                "flightdeck.yml: flightdeck.health.allow-shared-address-space: must be true or false, got \"yes please\""))
                .anySatisfy(e -> assertThat(e).startsWith("flightdeck.yml: flightdeck.health.allow-metadata: unknown key"));
    }
}
