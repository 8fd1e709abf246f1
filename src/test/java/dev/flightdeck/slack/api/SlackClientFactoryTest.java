package dev.flightdeck.slack.api;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.flightdeck.slack.edge.SlackSettings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SlackClientFactoryTest {

    /**
     * The SDK's statistics threads wake every second for nothing: once the factory has made the client, none runs,
     * neither the client's own nor those of the SDK's static defaults (SlackConfig.DEFAULT and each API's
     * DEFAULT_SINGLETON start eight when SlackConfig is first loaded). Counted in a JVM of its own: in the test JVM,
     * other tests' Slack configs run threads of their own.
     */
    @Test
    void noStatisticsThreadKeepsRunning() throws Exception {
        assertThat(statisticsThreadsIn(false)).as("without the factory: the SDK's defaults run theirs").isPositive();
        assertThat(statisticsThreadsIn(true)).as("with the factory").isZero();
    }

    @Test
    void theClientCallsTheConfiguredSlack() {
        SlackConfig config = new SlackClientFactory().slackConfig(settings());
        assertThat(config.getMethodsEndpointUrlPrefix()).isEqualTo("http://127.0.0.1:9/api/");
    }

    private static int statisticsThreadsIn(boolean withFactory) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(), Boolean.toString(withFactory))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        return Integer.parseInt(last.replaceAll("[^0-9]", ""));
    }

    /** Loads the SDK, makes the client through the factory (or not), prints how many statistics threads still run. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            assertThat(SlackConfig.DEFAULT).isNotNull(); // loaded: the static defaults have started theirs
            if (Boolean.parseBoolean(args[0])) {
                SlackClientFactory factory = new SlackClientFactory();
                Slack slack = factory.slack(factory.slackConfig(settings()));
                slack.methods("xoxb-test");
                for (Thread t : statisticsThreads()) {
                    t.join(5_000); // a stopped store's thread ends once its executor has shut down
                }
            }
            System.out.println("statistics threads: " + statisticsThreads().size());
        }
    }

    private static List<Thread> statisticsThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("slack-api-metrics")).toList();
    }

    private static SlackSettings settings() {
        return new SlackSettings("xoxb-test", "secret", null, "http://127.0.0.1:9/api/");
    }
}
