package dev.flightdeck.slack.incident.followup;

import dev.flightdeck.testing.SetUpDone;
import dev.flightdeck.build.FakeBuildServer;
import dev.flightdeck.build.FakeGitHub;
import dev.flightdeck.build.webhook.WebhookSignatures;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.slack.api.SlackStartup;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.LogCapture;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
import dev.flightdeck.testing.TestSecretsFactory;
import dev.flightdeck.web.signin.AccessLink;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One running Flightdeck for issue 18's follow-up tests: the example team file with teamconfig/follow-ups.yml laid
 * over it (follow-ups exported to acme/ops), GitHub's REST API on a loopback fake ({@link FakeGitHubIssues}), FakeSlack
 * with #incidents and #status, a MutableClock, signed Slack requests, signed GitHub deliveries, and the manager pages
 * signed in. The follow-up wakers are off: tests move the clock and call runDue(). Started once per JVM; tests make
 * incidents and people of their own.
 */
final class FollowUpsApp {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern DECLARED = Pattern.compile("Declaring (INC-(\\d+))");
    private static FollowUpsApp shared;

    final FakeSlack slack = new FakeSlack().start();
    final FakeBuildServer githubServer = new FakeBuildServer();
    final FakeGitHub github = new FakeGitHub(githubServer);
    final FakeGitHubIssues issues = new FakeGitHubIssues(githubServer, github, "acme/ops");
    final EmbeddedServer server;
    final MutableClock clock;
    final SignedRequests signed;
    final String pagesCookie;
    private final HttpClient http = HttpClient.newHttpClient();

    private FollowUpsApp() {
        slack.addChannel("incidents");
        slack.addChannel("status");
        String files = Path.of("flightdeck.example.yml").toAbsolutePath() + ","
                + Path.of("src/test/resources/teamconfig/follow-ups.yml").toAbsolutePath();
        String token;
        try (LogCapture log = new LogCapture(AccessLink.class)) {
            server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of(
                    "micronaut.config.files", files,
                    "flightdeck.github.api-url", githubServer.url(),
                    "flightdeck.follow-ups.wake", "false")));
            Matcher m = Pattern.compile("/signin\\?token=([A-Za-z0-9_-]{40,})").matcher(String.join("\n", log.lines()));
            assertThat(m.find()).as("the access link in the start-up log").isTrue();
            token = m.group(1);
        }
        server.getApplicationContext().getBean(SlackStartup.class).channelsJoined().orTimeout(30, TimeUnit.SECONDS).join();
        clock = server.getApplicationContext().getBean(MutableClock.class);
        signed = new SignedRequests(TestApp.SIGNING_SECRET, clock).forWorkspace(slack);
        pagesCookie = get("/signin?token=" + token, null).headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JWT=")).findFirst().orElseThrow().split(";")[0];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            slack.stop();
            githubServer.close();
        }));
    }

    static synchronized FollowUpsApp shared() {
        if (shared == null) {
            shared = new FollowUpsApp();
        }
        return shared;
    }

    <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    String user(String name) {
        return slack.addUser(name + "-" + System.nanoTime());
    }

    String channel(String prefix, String... members) {
        return slack.addChannel(prefix + "-" + System.nanoTime(), members);
    }

    SignedRequest.Reply command(String text, String user, String channel) {
        SignedRequest.Reply reply = signed.slashCommand("/incident", text, user, channel, slack.responseUrl())
                .send(server.getURI());
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    static String text(SignedRequest.Reply reply) {
        return reply.json().getAsJsonObject().get("text").getAsString();
    }

    /** Declares an incident and waits until it is set up in Slack (its channel, its card). */
    Incident declare(String title, String user, String channel) {
        String answer = text(command("declare " + title + " sev3", user, channel));
        Matcher m = DECLARED.matcher(answer);
        assertThat(m.find()).as("ack: " + answer).isTrue();
        return SetUpDone.await(bean(IncidentService.class), Long.parseLong(m.group(2)), WAIT);
    }

    /** A GitHub delivery of {@code event} to /hooks/github, signed as GitHub signs it. */
    HttpResponse<String> github(String event, String body) {
        String secret = TestSecretsFactory.VALUES.get("FLIGHTDECK_GITHUB_WEBHOOK_SECRET");
        return post("/hooks/github", body, Map.of("X-GitHub-Event", event, "X-Hub-Signature-256",
                "sha256=" + WebhookSignatures.hmacHex(secret, body.getBytes(StandardCharsets.UTF_8))));
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** A manager page, signed in. */
    HttpResponse<String> page(String path) {
        return get(path, pagesCookie);
    }

    private HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.getURI().resolve(path)).header("Accept", "text/html");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b.GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
