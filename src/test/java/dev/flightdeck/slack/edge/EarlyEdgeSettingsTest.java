package dev.flightdeck.slack.edge;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The early edge starts only when it is sure to listen where Micronaut will and to verify with the same secret. */
class EarlyEdgeSettingsTest {

    static final String SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final Map<String, String> ENV = Map.of("SLACK_SIGNING_SECRET", SECRET, "MICRONAUT_SERVER_PORT", "18580");

    @Test
    void portAndSecretFromTheEnvironment() {
        EarlyEdgeSettings s = from(ENV, new Properties(), List.of()).orElseThrow();
        assertThat(s.port()).isEqualTo(18580);
        assertThat(s.host()).isNull();
        assertThat(s.signingSecret()).isEqualTo(SECRET);
        assertThat(s.environments()).containsExactly("staging");
        assertThat(s.toString()).doesNotContain(SECRET);
    }

    @Test
    void systemPropertiesWinAndMicronautsDefaultPortApplies() {
        Properties system = new Properties();
        system.setProperty("micronaut.server.host", "127.0.0.1");
        system.setProperty("slack.signing-secret", "from-a-property-from-a-property-1");
        EarlyEdgeSettings s = from(Map.of("SLACK_SIGNING_SECRET", SECRET), system, List.of()).orElseThrow();
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.signingSecret()).isEqualTo("from-a-property-from-a-property-1");
    }

    @Test
    void notStartedWhenItCouldDisagreeWithMicronaut() {
        assertThat(from(ENV, new Properties(), List.of("flightdeck.environments.staging.channel", "slack.signing-secret")))
                .as("a config file sets the secret").isEmpty();
        assertThat(from(ENV, new Properties(), List.of("micronaut.server.port"))).as("a config file sets the port").isEmpty();
        assertThat(from(with("MICRONAUT_SERVER_PORT", "-1"), new Properties(), List.of())).as("a random port").isEmpty();
        assertThat(from(with("MICRONAUT_SERVER_PORT", "eighty"), new Properties(), List.of())).isEmpty();
        assertThat(from(with("SLACK_APP_TOKEN", "xapp-1"), new Properties(), List.of())).as("Socket Mode").isEmpty();
        assertThat(from(with("FLIGHTDECK_SLACK_EARLY_EDGE", "false"), new Properties(), List.of())).as("switched off").isEmpty();
        assertThat(from(Map.of("MICRONAUT_SERVER_PORT", "18580"), new Properties(), List.of())).as("no secret").isEmpty();
        assertThat(from(ENV, new Properties(), List.of("micronaut.executors.slack-acks.n-threads"))).as("other Micronaut keys")
                .isPresent();
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.put(name, value);
        return env;
    }

    private static Optional<EarlyEdgeSettings> from(Map<String, String> env, Properties system, List<String> keyPaths) {
        return EarlyEdgeSettings.from(env, system, keyPaths, Set.of("staging"), Set.of("checkout"));
    }
}
