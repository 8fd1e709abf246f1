package dev.flightdeck.web;

import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.PagesApp;
import dev.flightdeck.testing.InjectedText;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What a member typed into /incident reads the same on the manager pages and in the Markdown summary. */
class TypedTextOnPagesTest {

    static PagesApp app;
    static FakeSlack slack;
    static EmbeddedServer server;
    static String accessToken;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        app = PagesApp.start(Map.of());
        slack = app.slack();
        server = app.server();
        accessToken = app.accessToken();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anIncidentTitleAndNoteShowAsTypedOnItsPageAndInItsMarkdown() throws Exception {
        String channel = slack.addChannel("ops-" + System.nanoTime());
        String user = slack.addUser("kim");
        SignedRequests signed = new SignedRequests(TestApp.SIGNING_SECRET,
                server.getApplicationContext().getBean(MutableClock.class)).forWorkspace(slack);
        var declared = signed.slashCommand("/incident", "declare Payments down " + InjectedText.AS_SLACK_SENDS_IT + " sev3",
                user, channel, slack.responseUrl()).send(server.getURI());
        Matcher m = Pattern.compile("Declaring INC-(\\d+)").matcher(declared.body());
        assertThat(m.find()).as(declared.body()).isTrue();
        long number = Long.parseLong(m.group(1));
        signed.slashCommand("/incident", "note INC-" + number + " checked &amp; &lt;ok&gt;", user, channel,
                slack.responseUrl()).send(server.getURI());
        assertThat(server.getApplicationContext().getBean(IncidentService.class).timeline(number))
                .anySatisfy(e -> assertThat(e.text()).isEqualTo("checked & <ok>"));

        String cookie = signIn();
        String page = get("/incidents/" + number, cookie, "text/html").body();
        // The template escapes once for HTML: "&" shows as &amp;, never as &amp;amp; (text stored Slack-escaped).
        assertThat(page).contains("Payments down @channel click (https://evil.example) @S0EVIL1 @here fish &amp; chips &lt;b&gt;",
                "checked &amp; &lt;ok&gt;").doesNotContain("&amp;amp;", "&amp;lt;");
        String md = get("/incidents/" + number + "/summary.md", cookie, "text/markdown").body();
        assertThat(md).contains("Payments down @channel click (https://evil.example) @S0EVIL1 @here fish & chips \\<b\\>",
                "checked & \\<ok\\>").doesNotContain("&amp;", "&lt;");
    }

    private static String signIn() throws Exception {
        HttpResponse<String> r = get("/signin?token=" + accessToken, null, "text/html");
        assertThat(r.statusCode()).isBetween(302, 303);
        List<String> cookies = r.headers().allValues("Set-Cookie");
        return cookies.stream().map(c -> c.split(";")[0]).collect(Collectors.joining("; "));
    }

    private static HttpResponse<String> get(String path, String cookie, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURI() + path)).header("Accept", accept);
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
