package dev.flightdeck.config;

import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.Gate;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.flightdeck.config.TeamConfigs.errors;
import static dev.flightdeck.config.TeamConfigs.valid;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code promotion-from} in the team file: what it turns on, and each mistake named with its fix. */
class PromotionRulesTest {
    private static final String P = "flightdeck.yml: flightdeck.environments.prod.";

    private static final String TWO = TeamConfigs.STAGING_AND_PROD;

    @Test
    void promotionFromTurnsOnThePromotedGateByDefault() {
        EnvironmentConfig prod = valid(TWO + "      promotion-from: staging\n").environment("prod").orElseThrow();

        assertThat(prod.promotionFrom()).contains("staging");
        assertThat(prod.gates()).contains(Gate.PROMOTED);
        EnvironmentConfig staging = valid(TWO).environment("staging").orElseThrow();
        assertThat(staging.promotionFrom()).isEqualTo(Optional.empty());
        assertThat(staging.gates()).doesNotContain(Gate.PROMOTED);
    }

    @Test
    void listedGatesWithoutPromotedLeaveItOffEvenWithPromotionFrom() {
        EnvironmentConfig prod = valid(TWO + "      promotion-from: staging\n      gates: [lock]\n")
                .environment("prod").orElseThrow();

        assertThat(prod.gates()).containsExactly(Gate.LOCK);
        assertThat(prod.promotionFrom()).contains("staging");
    }

    @Test
    void anUnknownEnvironmentIsNamedWithTheClosestOne() {
        assertThat(errors(TWO + "      promotion-from: stagign\n")).containsExactly(
                P + "promotion-from: no environment \"stagign\" in flightdeck.environments; did you mean \"staging\"?");
    }

    @Test
    void anEnvironmentCannotPromoteFromItself() {
        assertThat(errors(TWO + "      promotion-from: prod\n")).containsExactly(
                P + "promotion-from: names this environment itself; name the one versions must succeed in first");
    }

    @Test
    void gatesListingPromotedNeedPromotionFrom() {
        assertThat(errors(TWO + "      gates: [lock, promoted]\n")).containsExactly(
                P + "gates: lists promoted, but no promotion-from is set for this environment");
        assertThat(errors(TWO + "      gates: [lock, promotd]\n")).containsExactly(
                P + "gates[1]: unknown gate \"promotd\"; did you mean \"promoted\"?");
    }
}
