package dev.flightdeck.build;

import dev.flightdeck.build.poll.BuildPoller;
import dev.flightdeck.build.webhook.WebhookSignatures;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.TestApp;
import dev.flightdeck.testing.TestSecretsFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One running Flightdeck for the real-CI tests: the example team file with teamconfig/ci-backends.yml laid over it
 * (services named as the vendors' sample payloads name their jobs), and one loopback {@link FakeBuildServer}
 * standing in for CircleCI's and GitHub's APIs and for Jenkins. Started once per JVM, like {@link TestApp#shared()}.
 */
public final class CiApp {

    private static CiApp shared;

    public final FakeSlack slack;
    public final FakeBuildServer ci;
    /** GitHub's REST API on the same loopback server (one host, as GitHub is). */
    public final FakeGitHub github;
    public final EmbeddedServer server;
    public final DeployDriver driver;
    private final HttpClient http = HttpClient.newHttpClient();

    private CiApp() {
        slack = new FakeSlack().start();
        ci = new FakeBuildServer();
        github = new FakeGitHub(ci);
        String files = Path.of("flightdeck.example.yml").toAbsolutePath() + ","
                + Path.of("src/test/resources/teamconfig/ci-backends.yml").toAbsolutePath() + ","
                + withFakeUrl(Path.of("src/test/resources/teamconfig/releases.yml"), ci.url());
        server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of(
                "micronaut.config.files", files,
                "flightdeck.build.circleci.api-url", ci.url(),
                "flightdeck.build.github.api-url", ci.url(),
                "flightdeck.deploy.scheduler-interval", "1h",
                // failures: failed builds' logs from the loopback fakes (CircleCI's v1.1 step API on the same server)
                "flightdeck.build.failure-logs", "true",
                "flightdeck.build.circleci.api-v1-url", ci.url() + "/api/v1.1")));
        driver = new DeployDriver(slack, server);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            ci.close();
            slack.stop();
        }));
    }

    /** A copy of a team file with {@code http://fake-ci} replaced by the fake's loopback URL. */
    private static Path withFakeUrl(Path file, String url) {
        try {
            Path copy = Files.createTempFile("flightdeck-releases", ".yml");
            copy.toFile().deleteOnExit();
            return Files.writeString(copy, Files.readString(file).replace("http://fake-ci", url)).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized CiApp shared() {
        if (shared == null) {
            shared = new CiApp();
        }
        return shared;
    }

    public BuildPoller poller() {
        return server.getApplicationContext().getBean(BuildPoller.class);
    }

    /** A vendor's published example, as kept under src/test/resources/vendor/. */
    public static String vendor(String path) {
        try {
            return Files.readString(Path.of("src/test/resources/vendor", path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> post(String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A CircleCI delivery signed as CircleCI signs it. */
    public HttpResponse<String> circleci(String body) {
        String secret = TestSecretsFactory.VALUES.get("FLIGHTDECK_CIRCLECI_WEBHOOK_SECRET");
        return post("/hooks/circleci", "application/json", body, Map.of("circleci-signature",
                "v1=" + WebhookSignatures.hmacHex(secret, body.getBytes(StandardCharsets.UTF_8))));
    }

    public HttpResponse<String> jenkins(String body) {
        return post("/hooks/jenkins", "application/json", body,
                Map.of("X-Flightdeck-Token", TestSecretsFactory.VALUES.get("FLIGHTDECK_JENKINS_WEBHOOK_TOKEN")));
    }

    /** A GitHub delivery: the signature is over the body exactly as sent, JSON or form. */
    public HttpResponse<String> github(String contentType, String body) {
        return github("workflow_run", contentType, body);
    }

    /** A GitHub delivery of {@code event} ({@code release}, {@code check_suite}, …), signed as GitHub signs it. */
    public HttpResponse<String> github(String event, String contentType, String body) {
        String secret = TestSecretsFactory.VALUES.get("FLIGHTDECK_GITHUB_WEBHOOK_SECRET");
        return post("/hooks/github", contentType, body, Map.of("X-GitHub-Event", event,
                "X-Hub-Signature-256", "sha256=" + WebhookSignatures.hmacHex(secret, body.getBytes(StandardCharsets.UTF_8))));
    }
}
