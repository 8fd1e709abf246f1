package dev.flightdeck.slots;

import dev.flightdeck.build.FakeBuildServer;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.nio.file.Path;
import java.util.Map;

/**
 * One running Flightdeck for issue 19's shared slots: the example team file with teamconfig/slots.yml laid over it
 * (pools dev: [dev1, dev2] and sandbox: [sandbox1], both with {@code versions: branches}), AWS in moto (CodeBuild for
 * service reports), CircleCI's API on a loopback {@link FakeBuildServer} (service billing), the slot expiry waker off
 * (tests move the clock and call {@code SlotExpiry.runDue()}). Started once per JVM; each test frees what it holds.
 */
public final class SlotsApp {

    private static SlotsApp shared;

    public final FakeSlack slack;
    public final FakeBuildServer ci = new FakeBuildServer();
    public final EmbeddedServer server;
    public final MutableClock clock;
    public final DeployDriver driver;

    private SlotsApp() {
        slack = new FakeSlack().start();
        DeployDriver.seed(slack);
        String files = Path.of("flightdeck.example.yml").toAbsolutePath() + ","
                + Path.of("src/test/resources/teamconfig/slots.yml").toAbsolutePath();
        server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of(
                "micronaut.config.files", files,
                "flightdeck.build.circleci.api-url", ci.url(),
                "flightdeck.deploy.scheduler-interval", "1h",
                "flightdeck.slots.wake", "false",
                // The app's own CodeBuild client reads moto's timestamps (branch deploys of reports start builds there).
                dev.flightdeck.build.MotoTimestamps.PROPERTY, "true")));
        clock = server.getApplicationContext().getBean(MutableClock.class);
        driver = new DeployDriver(slack, server);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            ci.close();
            slack.stop();
        }));
    }

    public static synchronized SlotsApp shared() {
        if (shared == null) {
            shared = new SlotsApp();
        }
        return shared;
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }
}
