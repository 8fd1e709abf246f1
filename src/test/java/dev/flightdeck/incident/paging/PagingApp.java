package dev.flightdeck.incident.paging;

import dev.flightdeck.slack.api.SlackStartup;
import dev.flightdeck.testing.FakeOpsgenie;
import dev.flightdeck.testing.FakePagerDuty;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
import dev.flightdeck.testing.TestSecretsFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running Flightdeck for issue 18 item 2's tests (paging, who is on call): the example team file with
 * teamconfig/paging.yml laid over it (targets platform on PagerDuty, dba on Opsgenie, legacy with a key PagerDuty
 * refuses; page-on sev1), PagerDuty and Opsgenie as strict loopback fakes, FakeSlack with #incidents and #status, a
 * MutableClock. The paging waker is off: tests move the clock forward and call {@link PageSender#runDue()}.
 * Started once per JVM; tests use incidents of their own.
 */
public final class PagingApp {

    private static PagingApp shared;

    public final FakeSlack slack;
    public final FakePagerDuty pagerDuty = new FakePagerDuty()
            .acceptRoutingKey(TestSecretsFactory.VALUES.get("PD_ROUTING_KEY"))
            .acceptRestKey(TestSecretsFactory.VALUES.get("PD_API_KEY"));
    public final FakeOpsgenie opsgenie = new FakeOpsgenie().acceptKey(TestSecretsFactory.VALUES.get("OPSGENIE_API_KEY"));
    public final EmbeddedServer server;
    public final MutableClock clock;

    private PagingApp() {
        slack = new FakeSlack().start();
        slack.addChannel("incidents");
        slack.addChannel("status");
        String files = Path.of("flightdeck.example.yml").toAbsolutePath() + ","
                + Path.of("src/test/resources/teamconfig/paging.yml").toAbsolutePath();
        server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of(
                "micronaut.config.files", files,
                "flightdeck.paging.pagerduty-events-url", pagerDuty.url(),
                "flightdeck.paging.pagerduty-api-url", pagerDuty.url(),
                "flightdeck.paging.opsgenie-api-url", opsgenie.url(),
                "flightdeck.paging.wake", "false")));
        server.getApplicationContext().getBean(SlackStartup.class).channelsJoined().orTimeout(30, TimeUnit.SECONDS).join();
        clock = server.getApplicationContext().getBean(MutableClock.class);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            slack.stop();
            pagerDuty.close();
            opsgenie.close();
        }));
    }

    public static synchronized PagingApp shared() {
        if (shared == null) {
            shared = new PagingApp();
        }
        return shared;
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    public SignedRequests signed() {
        return new SignedRequests(TestApp.SIGNING_SECRET, clock).forWorkspace(slack);
    }

    /** One pass of the paging waker, as the clock stands. */
    public int sendDue() {
        return bean(PageSender.class).runDue();
    }
}
