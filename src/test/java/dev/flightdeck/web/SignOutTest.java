package dev.flightdeck.web;

import dev.flightdeck.incident.Severity;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.LogCapture;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.TestApp;
import dev.flightdeck.web.signin.AccessLink;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-out ends the session on the server (a split from {@link SignInTest}, which is near the file-length limit): a
 * copy of the session cookie taken before signing out is refused afterwards, and signing in again works at once.
 */
class SignOutTest {

    static FakeSlack slack;
    static EmbeddedServer server;
    static String accessToken;
    static Incident incident;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        slack = new FakeSlack().start();
        try (LogCapture log = new LogCapture(AccessLink.class)) {
            server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of()));
            Matcher m = Pattern.compile("/signin\\?token=([A-Za-z0-9_-]{40,})").matcher(String.join("\n", log.lines()));
            assertThat(m.find()).isTrue();
            accessToken = m.group(1);
        }
        var ctx = server.getApplicationContext();
        var now = ctx.getBean(MutableClock.class).instant();
        incident = new WebSeed(ctx.getBean(IncidentRepository.class), ctx.getBean(DeployRepository.class))
                .resolvedIncident("Title only the signed-in see", Severity.SEV2, now.minus(Duration.ofDays(1)));
    }

    @AfterAll
    static void stop() {
        server.close();
        slack.stop();
    }

    @Test
    void aCopiedCookieIsRefusedAfterSignOutAndSigningInAgainWorksAtOnce() throws Exception {
        String copied = signIn();
        List<String> paths = List.of("/incidents", "/incidents/" + incident.number() + "/summary.md");
        for (String path : paths) {
            assertThat(get(path, copied).statusCode()).as(path).isEqualTo(200);
        }

        // What the browser's sign-out form sends: a form POST (empty body) from this origin, with the cookie.
        HttpResponse<String> out = http.send(HttpRequest.newBuilder(server.getURI().resolve("/signout"))
                .header("Cookie", copied).header("Origin", origin())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isBetween(302, 303);
        assertThat(out.headers().firstValue("Location")).hasValue("/signin?signedout=true");

        for (String path : paths) {
            HttpResponse<String> replayed = get(path, copied);
            assertThat(replayed.statusCode()).as(path).isBetween(302, 303);
            assertThat(replayed.headers().firstValue("Location")).as(path).hasValue("/signin");
            assertThat(replayed.body()).as(path).doesNotContain("Title only the signed-in see");
        }

        String again = signIn();
        for (String path : paths) {
            HttpResponse<String> page = get(path, again);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("Title only the signed-in see");
        }
    }

    private static String signIn() throws Exception {
        HttpResponse<String> r = get("/signin?token=" + accessToken, null);
        assertThat(r.statusCode()).as(r.body()).isBetween(302, 303);
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JWT=")).findFirst()
                .orElseThrow().split(";")[0];
    }

    private static String origin() {
        return "http://" + server.getHost() + ":" + server.getPort();
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
