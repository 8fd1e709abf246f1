package dev.flightdeck.slack.api;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.flightdeck.slack.edge.SlackSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlackClientFactoryTest {

    /** The SDK's statistics threads wake every second for nothing: the client the factory makes keeps none running. */
    @Test
    void theSlackClientKeepsNoStatisticsThreads() throws Exception {
        assertThat(SlackConfig.DEFAULT).isNotNull(); // the SDK's static defaults start theirs once per process
        long before = statisticsThreads();
        SlackClientFactory factory = new SlackClientFactory();
        SlackConfig config = factory.slackConfig(settings());
        Slack slack = factory.slack(config);
        slack.methods("xoxb-test");

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (statisticsThreads() > before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(statisticsThreads()).isEqualTo(before);
        assertThat(config.getMethodsEndpointUrlPrefix()).isEqualTo("http://127.0.0.1:9/api/");
    }

    private static long statisticsThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("slack-api-metrics")).count();
    }

    private static SlackSettings settings() {
        return new SlackSettings("xoxb-test", "secret", null, "http://127.0.0.1:9/api/");
    }
}
