package dev.flightdeck.deploy.flags;

import dev.flightdeck.testing.FakeLaunchDarkly;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
import dev.flightdeck.testing.TestSecretsFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.nio.file.Path;
import java.util.Map;

/**
 * One running Flightdeck for issue 19's feature-flag tests: the example team file with teamconfig/flags.yml laid over
 * it (LaunchDarkly project {@code default}, prod mapped to {@code production}, {@code new-emails} a kill switch,
 * service {@code flagship}), LaunchDarkly in {@link FakeLaunchDarkly}, the flag scheduler's waker off (tests move the
 * clock and call {@link FlagScheduler#runDue()}), retries 50 ms apart. Started once per JVM; tests use flag keys of
 * their own, except the kill switch.
 */
public final class FlagsApp {

    private static FlagsApp shared;

    public final FakeSlack slack;
    public final FakeLaunchDarkly launchDarkly = new FakeLaunchDarkly(TestSecretsFactory.VALUES.get("LD_TOKEN"));
    public final EmbeddedServer server;
    public final MutableClock clock;
    public final SignedRequests signed;

    private FlagsApp() {
        slack = new FakeSlack().start();
        String files = Path.of("flightdeck.example.yml").toAbsolutePath() + ","
                + Path.of("src/test/resources/teamconfig/flags.yml").toAbsolutePath();
        server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of(
                "micronaut.config.files", files,
                "flightdeck.launchdarkly.api-url", launchDarkly.url(),
                "flightdeck.flags.wake", "false",
                "flightdeck.flags.retry-backoff", "50ms",
                "flightdeck.deploy.scheduler-interval", "1h",
                "flightdeck.config-change.wake", "false")));
        clock = server.getApplicationContext().getBean(MutableClock.class);
        signed = new SignedRequests(TestApp.SIGNING_SECRET, clock).forWorkspace(slack);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            slack.stop();
            launchDarkly.close();
        }));
    }

    public static synchronized FlagsApp shared() {
        if (shared == null) {
            shared = new FlagsApp();
        }
        return shared;
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }
}
