package dev.flightdeck.alerts;

import dev.flightdeck.alarms.AlertState;
import dev.flightdeck.team.TeamConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Service and environment names found in an alert's names as whole words, and only when exactly one of each. */
class AlertMatcherTest {

    final TeamConfig team = MonitorPayloads.team();

    static Reading.Reported named(String name, Map<String, String> tags) {
        return new Reading.Reported("grafana", "k-" + name, name, AlertState.ALARM, "", tags, List.of(name),
                Optional.empty(), Optional.empty(), Instant.parse("2026-12-07T12:00:00Z"), "");
    }

    @Test
    void serviceAndEnvironmentAsWordsOfTheNameMatch() {
        AlertMatcher.Match m = AlertMatcher.match(named("Shop-PROD-5xx", Map.of()), team);

        assertThat(((AlertMatcher.Match.Matched) m).alert().service()).isEqualTo("shop");
        assertThat(((AlertMatcher.Match.Matched) m).alert().environment()).isEqualTo("prod");
    }

    @Test
    void aNameInsideAnotherWordIsNoMatch() {
        assertThat(AlertMatcher.match(named("workshop-production-5xx", Map.of()), team))
                .isInstanceOf(AlertMatcher.Match.Unmatched.class);
    }

    @Test
    void twoServicesInTheNameAskForALabel() {
        assertThat(AlertMatcher.match(named("shop calls billing in prod", Map.of()), team)).isEqualTo(
                new AlertMatcher.Match.Unmatched("shop calls billing in prod",
                        "its name names more than one service (billing, shop): add a service label"));
    }

    @Test
    void aServiceWithoutEnvironmentIsIgnoredSayingWhich() {
        assertThat(AlertMatcher.match(named("shop 5xx", Map.of()), team)).isEqualTo(new AlertMatcher.Match.Unmatched(
                "shop 5xx", "no environment matches for shop: no env label, and its name names none of dev, staging, prod"));
    }

    @Test
    void aLabelWinsOverTheName() {
        AlertMatcher.Match m = AlertMatcher.match(named("billing-prod latency", Map.of("service", "Shop")), team);

        assertThat(((AlertMatcher.Match.Matched) m).alert().service()).isEqualTo("shop");
        assertThat(((AlertMatcher.Match.Matched) m).alert().environment()).isEqualTo("prod");
    }
}
