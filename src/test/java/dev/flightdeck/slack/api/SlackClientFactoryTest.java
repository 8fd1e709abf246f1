package dev.flightdeck.slack.api;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.flightdeck.slack.edge.SlackSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlackClientFactoryTest {

    /**
     * The SDK's statistics threads wake every second for nothing: once the factory has made the client, none runs,
     * neither the client's own nor those of the SDK's static defaults (SlackConfig.DEFAULT and each API's
     * DEFAULT_SINGLETON start eight when SlackConfig is first loaded).
     */
    @Test
    void noStatisticsThreadKeepsRunning() throws Exception {
        assertThat(SlackConfig.DEFAULT).isNotNull(); // loaded: the static defaults have started theirs (once per JVM)

        SlackClientFactory factory = new SlackClientFactory();
        SlackConfig config = factory.slackConfig(settings());
        Slack slack = factory.slack(config);
        slack.methods("xoxb-test");

        for (Thread t : statisticsThreads()) {
            t.join(5_000); // a stopped store's thread ends once its executor has shut down
        }
        assertThat(statisticsThreads()).isEmpty();
        assertThat(config.getMethodsEndpointUrlPrefix()).isEqualTo("http://127.0.0.1:9/api/");
    }

    private static List<Thread> statisticsThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("slack-api-metrics")).toList();
    }

    private static SlackSettings settings() {
        return new SlackSettings("xoxb-test", "secret", null, "http://127.0.0.1:9/api/");
    }
}
