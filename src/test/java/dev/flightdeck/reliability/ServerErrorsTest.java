package dev.flightdeck.reliability;

import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.PagesApp;
import dev.flightdeck.testing.LogCapture;
import dev.flightdeck.testing.TestSecretsFactory;
import dev.flightdeck.web.errors.ServerErrorHandler;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exception nobody handled, on a webhook and on a page: a 500 that tells the caller nothing about the cause, and a
 * reference that leads to the log line with the stack.
 */
class ServerErrorsTest {

    static final Pattern REFERENCE = Pattern.compile("\\b([0-9a-f]{10})\\b");
    static final String JENKINS_FAILED = """
            {"name":"commons-prod-server","url":"job/commons-prod-server/","build":{"full_url":"https://jenkins.example.com/job/commons-prod-server/77/",
             "number":77,"phase":"COMPLETED","status":"FAILURE","url":"job/commons-prod-server/77/","parameters":{"VERSION":"5.11.2"}}}""";
    static PagesApp app;
    static FakeSlack slack;
    static EmbeddedServer server;
    static String accessToken;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        app = PagesApp.start(Map.of(BrokenBeans.PROPERTY, "true"));
        slack = app.slack();
        server = app.server();
        accessToken = app.accessToken();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aWebhookThatFailsGetsAGeneric500WithAReferenceThatIsInTheLog() throws Exception {
        String token = TestSecretsFactory.VALUES.get("FLIGHTDECK_JENKINS_WEBHOOK_TOKEN");
        try (LogCapture log = new LogCapture(ServerErrorHandler.class)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/hooks/jenkins"))
                    .header("Content-Type", "application/json").header("X-Flightdeck-Token", token)
                    .POST(HttpRequest.BodyPublishers.ofString(JENKINS_FAILED))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertNothingLeaks(r.body());
            assertReferenceLogged(r.body(), log, "/hooks/jenkins");
        }
    }

    @Test
    void aPageThatFailsGetsAnAccessibleErrorPageWithAReferenceThatIsInTheLog() throws Exception {
        HttpResponse<String> signin = get("/signin?token=" + accessToken, null);
        String cookie = signin.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JWT="))
                .findFirst().orElseThrow().split(";")[0];
        try (LogCapture log = new LogCapture(ServerErrorHandler.class)) {
            HttpResponse<String> r = get("/deploys?service=billing", cookie);
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(r.body()).contains("<html lang=\"en\">", "<h1>Something went wrong</h1>", "<title>Something went wrong");
            assertNothingLeaks(r.body());
            assertReferenceLogged(r.body(), log, "/deploys");
        }
    }

    private static void assertNothingLeaks(String body) {
        assertThat(body).doesNotContain("xoxb-leaky", "token_hash", "SELECT", "IllegalStateException", "Exception",
                "dev.flightdeck", "\tat ");
    }

    private static void assertReferenceLogged(String body, LogCapture log, String path) {
        Matcher m = REFERENCE.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        String reference = m.group(1);
        List<String> lines = log.linesWithThrowables().stream().filter(l -> l.contains(reference)).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("ERROR").contains(path, "IllegalStateException", "\tat ");
        assertThat(lines.get(0)).as("the query string stays out of the log").doesNotContain("billing");
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }
}
