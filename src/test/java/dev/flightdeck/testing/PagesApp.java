package dev.flightdeck.testing;

import dev.flightdeck.web.signin.AccessLink;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flightdeck of a test class's own, with the manager pages' access token read from its start-up log as a local
 * user reads it. For tests that need pages signed in and an app no other class disturbs.
 */
public record PagesApp(FakeSlack slack, EmbeddedServer server, String accessToken) implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("/signin\\?token=([A-Za-z0-9_-]{40,})");

    public static PagesApp start(Map<String, Object> overrides) {
        FakeSlack slack = new FakeSlack().start();
        try (LogCapture log = new LogCapture(AccessLink.class)) {
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, overrides));
            Matcher m = LINK.matcher(String.join("\n", log.lines()));
            if (!m.find()) {
                server.close();
                slack.stop();
                throw new AssertionError("no access link in the start-up log");
            }
            return new PagesApp(slack, server, m.group(1));
        }
    }

    @Override
    public void close() {
        server.close();
        slack.stop();
    }
}
