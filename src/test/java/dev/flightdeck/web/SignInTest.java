package dev.flightdeck.web;

import dev.flightdeck.incident.Severity;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.LogCapture;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.TestApp;
import dev.flightdeck.web.signin.AccessLink;
import dev.flightdeck.web.signin.ReturnTo;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
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
 * Sign-in on a local run (no Slack sign-in configured): the access link printed once at start-up, every page and the
 * Markdown closed without it, return-to limited to paths on this host, the session cookie's flags, bad filters.
 */
class SignInTest {

    static FakeSlack slack;
    static EmbeddedServer server;
    static String accessToken;
    static Incident incident;
    static long deployId;
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        slack = new FakeSlack().start();
        try (LogCapture log = new LogCapture(AccessLink.class)) {
            server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of()));
            List<String> lines = log.lines().stream().filter(l -> l.contains("/signin?token=")).toList();
            assertThat(lines).hasSize(1);
            Matcher m = Pattern.compile("/signin\\?token=([A-Za-z0-9_-]{40,})").matcher(lines.get(0));
            assertThat(m.find()).isTrue();
            accessToken = m.group(1);
        }
        var ctx = server.getApplicationContext();
        var now = ctx.getBean(MutableClock.class).instant();
        WebSeed seed = new WebSeed(ctx.getBean(IncidentRepository.class), ctx.getBean(DeployRepository.class));
        incident = seed.resolvedIncident("Secret-free title for a closed page", Severity.SEV1, now.minus(Duration.ofDays(1)));
        deployId = seed.deploy("billing", "prod", "9.9.9", DeployState.SUCCEEDED, now.minus(Duration.ofDays(1))).id();
    }

    @AfterAll
    static void stop() {
        server.close();
        slack.stop();
    }

    @Test
    void everyPageAndTheMarkdownRedirectToSignInWithoutContent() throws Exception {
        for (String path : List.of("/", "/incidents", "/incidents?severity=sev1", "/incidents/" + incident.number(),
                "/incidents/" + incident.number() + "/summary.md", "/deploys", "/deploys/" + deployId,
                "/delivery?service=billing&days=7")) {
            HttpResponse<String> browser = get(path, null, BROWSER_ACCEPT);
            assertThat(browser.statusCode()).as(path).isBetween(302, 303);
            assertThat(browser.headers().firstValue("Location")).as(path).hasValue("/signin");
            assertThat(browser.body()).as(path).doesNotContain("Secret-free title", "9.9.9", "INC-");
            HttpResponse<String> script = get(path, null, "application/json");
            assertThat(script.statusCode()).as(path).isEqualTo(401);
            assertThat(script.body()).as(path).doesNotContain("Secret-free title", "9.9.9", "INC-");
        }
    }

    @Test
    void theMachineEdgesNeedNoSignIn() throws Exception {
        assertThat(get("/health", null, "application/json").statusCode()).isEqualTo(200);
        assertThat(get("/health/liveness", null, "application/json").statusCode()).isEqualTo(200);
        assertThat(get("/prometheus", null, "text/plain").statusCode()).isEqualTo(200);
        // An unsigned Slack request is refused by the Slack edge's own check (401), not sent to the sign-in page.
        HttpResponse<String> slackEdge = http.send(HttpRequest.newBuilder(uri("/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("command=%2Fdeploy&text=help")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(slackEdge.statusCode()).isEqualTo(401);
        assertThat(slackEdge.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aWrongAccessTokenIsRefusedAndMakesNoSession() throws Exception {
        HttpResponse<String> r = get("/signin?token=" + "x".repeat(43), null, "text/html");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("That access link is not valid");
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JWT="));
    }

    @Test
    void theAccessLinkFromTheLogSignsInWithAnHttpOnlyLaxCookie() throws Exception {
        HttpResponse<String> signin = get("/signin?token=" + accessToken, null, "text/html");
        assertThat(signin.statusCode()).as(signin.body()).isBetween(302, 303);
        assertThat(signin.headers().firstValue("Location")).as(signin.body()).hasValue("/incidents");
        String cookie = sessionCookie(signin);
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");

        HttpResponse<String> page = get("/incidents", cookie.split(";")[0], "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(incident.id() + ": Secret-free title for a closed page");
        HttpResponse<String> md = get("/incidents/" + incident.number() + "/summary.md", cookie.split(";")[0], BROWSER_ACCEPT);
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/markdown"));
        assertThat(md.body()).startsWith("# " + incident.id() + ": Secret-free title for a closed page")
                .contains("## What happened?\n\nA config key was renamed");
        assertThat(md.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"" + incident.id() + "-summary.md\"");
    }

    @Test
    void signInReturnsToThePageAskedForButNeverToAnotherHost() throws Exception {
        HttpResponse<String> asked = get("/deploys/" + deployId, null, "text/html");
        String original = asked.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ORIGINAL_URI="))
                .findFirst().orElseThrow().split(";")[0];
        assertThat(get("/signin?token=" + accessToken, original, "text/html").headers().firstValue("Location"))
                .hasValue("/deploys/" + deployId);

        for (String forged : List.of("https://evil.example/x", "//evil.example/x", "/\\evil.example", "http:/evil.example")) {
            HttpResponse<String> r = get("/signin?token=" + accessToken, "ORIGINAL_URI=" + forged, "text/html");
            assertThat(r.headers().firstValue("Location")).as(forged).hasValue("/incidents");
        }
        assertThat(ReturnTo.isLocalPath("/incidents/3?x=1")).isTrue();
        assertThat(ReturnTo.isLocalPath("//evil.example")).isFalse();
        assertThat(ReturnTo.isLocalPath("/%0d%0aSet-Cookie:x")).isTrue(); // stays a path on this host
        assertThat(ReturnTo.isLocalPath("javascript:alert(1)")).isFalse();
    }

    @Test
    void badFiltersGetAClearAnswerAndNoResults() throws Exception {
        String cookie = sessionCookie(get("/signin?token=" + accessToken, null, "text/html")).split(";")[0];
        HttpResponse<String> sev = get("/incidents?severity=sev9", cookie, "text/html");
        assertThat(sev.statusCode()).isEqualTo(400);
        assertThat(sev.body()).contains("Severity is one of sev1, sev2, sev3 or sev4; \"sev9\" is not.")
                .doesNotContain("Secret-free title");
        HttpResponse<String> dates = get("/deploys?from=2026-13-01", cookie, "text/html");
        assertThat(dates.statusCode()).isEqualTo(400);
        assertThat(dates.body()).contains("Dates are written yyyy-mm-dd").doesNotContain("9.9.9");
        HttpResponse<String> service = get("/deploys?service=nope", cookie, "text/html");
        assertThat(service.body()).contains("There is no service \"nope\"; choose one of: commons, billing, web, reports.");
        HttpResponse<String> days = get("/delivery?days=0", cookie, "text/html");
        assertThat(days.statusCode()).isEqualTo(400);
        assertThat(days.body()).contains("Days is a whole number from 1 to 365").doesNotContain("<svg");
        assertThat(get("/incidents/999999", cookie, "text/html").statusCode()).isEqualTo(404);
        assertThat(get("/deploys/abc", cookie, "text/html").body()).contains("There is no deploy abc.");
    }

    @Test
    void aMissingIncidentsMarkdownIsAPlain404() throws Exception {
        String cookie = sessionCookie(get("/signin?token=" + accessToken, null, "text/html")).split(";")[0];
        for (String accept : List.of(BROWSER_ACCEPT, "text/markdown", "*/*")) {
            HttpResponse<String> md = get("/incidents/999999/summary.md", cookie, accept);
            assertThat(md.statusCode()).as(accept).isEqualTo(404);
            assertThat(md.body()).as(accept).isEqualTo("There is no such incident.\n")
                    .doesNotContain("ModelAndView", "io.micronaut", "Internal");
        }
    }

    @Test
    void healthNamesNoClassesAndMetricsNeedSignIn() throws Exception {
        for (String path : List.of("/health", "/health/db", "/health/readiness", "/health/liveness")) {
            HttpResponse<String> r = get(path, null, "application/json");
            assertThat(r.body()).as(path).doesNotContain("io.micronaut", "dev.flightdeck", "Exception", "java.");
        }
        HttpResponse<String> metrics = get("/metrics", null, "application/json");
        assertThat(metrics.statusCode()).isEqualTo(401);
        assertThat(metrics.body()).doesNotContain("jvm.", "flightdeck.");
        HttpResponse<String> metricsPage = get("/metrics", null, BROWSER_ACCEPT);
        assertThat(metricsPage.statusCode()).isBetween(302, 303);
        String cookie = sessionCookie(get("/signin?token=" + accessToken, null, "text/html")).split(";")[0];
        assertThat(get("/metrics", cookie, "application/json").body()).contains("jvm.memory.used");
    }

    @Test
    void pagesAndTheirRedirectsCarryTheBrowserProtections() throws Exception {
        String cookie = sessionCookie(get("/signin?token=" + accessToken, null, "text/html")).split(";")[0];
        for (HttpResponse<String> r : List.of(get("/incidents", cookie, BROWSER_ACCEPT), get("/signin", null, BROWSER_ACCEPT),
                get("/deploys", null, BROWSER_ACCEPT), get("/incidents/" + incident.number() + "/summary.md", cookie, "*/*"))) {
            String what = r.request().uri().getPath() + " " + r.statusCode();
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(what).hasValue("default-src 'none'; "
                    + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; "
                    + "base-uri 'none'");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        }
    }

    private static String sessionCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JWT=")).findFirst().orElseThrow();
    }

    private static HttpResponse<String> get(String path, String cookie, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept", accept);
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return server.getURI().resolve(path);
    }
}
