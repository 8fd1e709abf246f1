package dev.flightdeck.web.status;

import dev.flightdeck.testing.SetUpDone;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.slack.api.SlackStartup;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One running Flightdeck for the status page's tests (issue 18 item 3): the example team file (services commons,
 * billing, web, reports), FakeSlack with #incidents and #status, a MutableClock, signed Slack requests, and the status
 * page also on a port of its own ({@code flightdeck.status.port=0}: any free loopback port, read back from
 * {@link StatusPort}). Its own app so that incidents other tests publish in the shared app stay off these pages.
 * Started once per JVM.
 */
public final class StatusApp {

    public static final String NAME = "Acme status";
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern DECLARED = Pattern.compile("Declaring (INC-(\\d+))");
    private static StatusApp shared;

    public final FakeSlack slack;
    public final EmbeddedServer server;
    public final MutableClock clock;
    public final SignedRequests signed;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private StatusApp() {
        slack = new FakeSlack().start();
        slack.addChannel("incidents");
        slack.addChannel("status");
        server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of(
                "flightdeck.status.port", "0",
                "flightdeck.status.name", NAME)));
        server.getApplicationContext().getBean(SlackStartup.class).channelsJoined().orTimeout(30, TimeUnit.SECONDS).join();
        clock = server.getApplicationContext().getBean(MutableClock.class);
        signed = new SignedRequests(TestApp.SIGNING_SECRET, clock).forWorkspace(slack);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            slack.stop();
        }));
    }

    public static synchronized StatusApp shared() {
        if (shared == null) {
            shared = new StatusApp();
        }
        return shared;
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    public URI uri() {
        return server.getURI();
    }

    /** The status page's own port, on loopback. */
    public URI statusPortUri() {
        return URI.create("http://127.0.0.1:" + bean(StatusPort.class).boundPort().orElseThrow());
    }

    public String user(String name) {
        return slack.addUser(name + "-" + System.nanoTime());
    }

    public String channel(String prefix, String... members) {
        return slack.addChannel(prefix + "-" + System.nanoTime(), members);
    }

    public SignedRequest.Reply command(String text, String user, String channel) {
        SignedRequest.Reply reply = signed.slashCommand("/incident", text, user, channel, slack.responseUrl()).send(uri());
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    public static String text(SignedRequest.Reply reply) {
        return reply.json().getAsJsonObject().get("text").getAsString();
    }

    /** Declares and waits until the declaration is complete in Slack (its card refreshed). */
    public Incident declare(String text, String user, String channel) {
        String answer = text(command(text, user, channel));
        Matcher m = DECLARED.matcher(answer);
        assertThat(m.find()).as("ack: " + answer).isTrue();
        return SetUpDone.await(bean(IncidentService.class), Long.parseLong(m.group(2)), WAIT);
    }

    public Incident incident(long number) {
        return bean(IncidentService.class).find(number).orElseThrow();
    }

    /** A GET as a stranger's browser sends it: no cookie, nothing else. */
    public HttpResponse<String> get(URI base, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
