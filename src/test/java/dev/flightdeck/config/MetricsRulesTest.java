package dev.flightdeck.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.flightdeck.config.TeamConfigs.errors;
import static dev.flightdeck.config.TeamConfigs.valid;
import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.metrics.MetricsConfig;
import dev.flightdeck.team.TeamConfig;

/** flightdeck.metrics: optional, and every mistake named with its key path. */
class MetricsRulesTest {

    static final String ENVS = """
            flightdeck:
              environments:
                staging: { channel: "#deploys", approvals: 0 }
                live: { channel: "#deploys", approvals: 0 }
            """;

    @Test
    void leftOutMeansDefaults() {
        MetricsConfig m = valid(ENVS).metrics();
        assertThat(m.environments()).isEmpty();
        assertThat(m.failureWindow()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void writtenValuesAreKept() {
        MetricsConfig m = valid(ENVS + """
                  metrics:
                    environments: [live]
                    failure-window: 2d
                """).metrics();
        assertThat(m.environments()).contains(List.of("live"));
        assertThat(m.failureWindow()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void unknownEnvironmentsBadWindowsAndStrayKeysAreAllReported() {
        List<String> errors = errors(ENVS + """
                  metrics:
                    environments: [lve, staging]
                    failure-window: soon
                    window: 1h
                """);
        assertThat(errors).hasSize(3).contains(
                "flightdeck.yml: flightdeck.metrics.environments: unknown environment \"lve\"; known: staging, live (did you mean \"live\"?)",
                "flightdeck.yml: flightdeck.metrics.failure-window: must be a duration like 30s, 15m, 4h or 2d, got \"soon\"");
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("flightdeck.yml: flightdeck.metrics.window: unknown key"));
    }

    @Test
    void anEmptyListIsRefused() {
        assertThat(errors(ENVS + "  metrics: { environments: [] }")).singleElement().asString()
                .contains("flightdeck.metrics.environments").contains("at least one environment");
    }

    @Test
    void theExampleCountsProd() {
        TeamConfig example = TeamConfigParser.parseFiles(List.of(java.nio.file.Path.of("flightdeck.example.yml"))).orElseThrow();
        assertThat(example.metrics()).isEqualTo(new MetricsConfig(Optional.of(List.of("prod")), Duration.ofHours(24)));
    }
}
