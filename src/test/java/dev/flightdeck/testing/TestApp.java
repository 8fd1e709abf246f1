package dev.flightdeck.testing;

import dev.flightdeck.slack.api.SlackStartup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One running Flightdeck for every test class that talks to it through its real edges: started once per JVM
 * (the suite stays fast on two cores), wired to a {@link FakeSlack}, an in-memory H2 database, the example team
 * file and a {@link MutableClock}. Tests that need a differently configured service start their own context.
 */
public final class TestApp {

    public static final String SIGNING_SECRET = "8f4c2e0b1d7a4c9e8b3f6a5d2c1e0f9a";

    private static final Map<String, TestApp> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    public final FakeSlack slack;
    public final EmbeddedServer server;
    public final MutableClock clock;

    private TestApp(FakeSlack slack, EmbeddedServer server) {
        this.slack = slack;
        this.server = server;
        this.clock = server.getApplicationContext().getBean(MutableClock.class);
    }

    public static TestApp shared() {
        return shared("main");
    }

    /**
     * A shared app by name. Features whose tests would disturb each other through global state get their own:
     * an open sev1 incident freezes every prod deploy, so deploy tests run in "deploys", apart from incident tests.
     */
    public static synchronized TestApp shared(String name) {
        return SHARED.computeIfAbsent(name, n -> {
            FakeSlack slack = new FakeSlack().start();
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(slack, Map.of()));
            // Tests that count Slack calls start once the app has done its start-up calls (joining channels).
            server.getApplicationContext().getBean(SlackStartup.class).channelsJoined().orTimeout(30, TimeUnit.SECONDS).join();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                slack.stop();
            }));
            return new TestApp(slack, server);
        });
    }

    /** The settings of the shared app; {@code overrides} win. A blank value removes a setting. */
    public static Map<String, Object> properties(FakeSlack slack, Map<String, Object> overrides) {
        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.server.port", -1);
        p.put("micronaut.server.host", "127.0.0.1");
        p.put("slack.bot-token", FakeSlack.BOT_TOKEN);
        p.put("slack.signing-secret", SIGNING_SECRET);
        p.put("slack.app-token", "");
        p.put("slack.api-url", slack.baseUrl());
        p.put("slack.retry.initial-backoff", "20ms");
        p.put("datasources.default.url", "jdbc:h2:mem:app-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        p.put("micronaut.config.files", Path.of("flightdeck.example.yml").toAbsolutePath().toString());
        p.put(TestClockFactory.PROPERTY, "true");
        // Tests run due post-release probes themselves (runDue) against a fake probe; no timer, no outside URLs.
        p.put("flightdeck.deploy.post-release-job", "false");
        // Tests run build polls themselves (BuildPoller.runDue) after moving the clock past build-silence.
        p.put("flightdeck.build.poll-every", "1h");
        // The example team file's Jenkins is jenkins.example.com: a failed build there must not send tests off
        // loopback for its log. The "ci" app (build/CiApp) turns failure logs on against its loopback fakes.
        p.put("flightdeck.build.failure-logs", "false");
        if (!overrides.containsKey("aws.endpoint-url")) {
            p.putAll(TestAws.properties());
        }
        p.putAll(overrides);
        return p;
    }

    public URI uri() {
        return server.getURI();
    }

    public SignedRequests signed() {
        return new SignedRequests(SIGNING_SECRET, clock).forWorkspace(slack);
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }
}
