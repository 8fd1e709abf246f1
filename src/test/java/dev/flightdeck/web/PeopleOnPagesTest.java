package dev.flightdeck.web;

import dev.flightdeck.incident.Severity;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.Fault;
import dev.flightdeck.testing.LogCapture;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.TestApp;
import dev.flightdeck.web.signin.AccessLink;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manager pages and the Markdown summary name people (Slack's users.info, cached) where they used to print
 * Slack user ids: an id means nothing outside Slack. An id Slack does not know, or cannot answer for, stays an id.
 */
class PeopleOnPagesTest {

    static final String CHEN = "U0COMMAND1";      // WebSeed's commander
    static final String BEA = "U0COMMS001";       // WebSeed's communicator
    static final String ALICE = "U0ALICE001";     // WebSeed's requester and runner
    static final String LEE = "U0LEAD0001";       // WebSeed's approver and overrider
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static FakeSlack slack;
    static EmbeddedServer server;
    static MutableClock clock;
    static String cookie;
    static Incident resolved;
    static Incident open;
    static DeployRequest deploy;

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeSlack().start();
        slack.addUser(CHEN, "Chen Li");
        slack.addUser(BEA, "Bea Schmidt");
        slack.addUser(ALICE, "Alice Jones");
        slack.addUser(LEE, "Lee Park");
        String token;
        try (LogCapture log = new LogCapture(AccessLink.class)) {
            server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of()));
            Matcher m = Pattern.compile("/signin\\?token=([A-Za-z0-9_-]{40,})").matcher(String.join("\n", log.lines()));
            assertThat(m.find()).isTrue();
            token = m.group(1);
        }
        var ctx = server.getApplicationContext();
        clock = ctx.getBean(MutableClock.class);
        Instant now = clock.instant();
        IncidentRepository incidents = ctx.getBean(IncidentRepository.class);
        WebSeed seed = new WebSeed(incidents, ctx.getBean(DeployRepository.class));
        resolved = seed.resolvedIncident("EU card payments failing", Severity.SEV2, now.minus(Duration.ofDays(2)));
        // As IncidentService writes a role change: a mention, which Slack renders but a page would not.
        incidents.addTimeline(resolved.number(), new TimelineEntry(now.minus(Duration.ofDays(2)).plusSeconds(60), CHEN,
                TimelineEntry.Kind.ROLE, "<@" + BEA + "> is the communicator"), Optional.empty());
        open = seed.openIncident("Reports export slow", Severity.SEV3, now.minus(Duration.ofHours(1)));
        deploy = seed.deploy("web", "prod", "7.2.0", DeployState.SUCCEEDED, now.minus(Duration.ofDays(1)));
        HttpResponse<String> signin = get("/signin?token=" + token);
        cookie = signin.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JWT=")).findFirst()
                .orElseThrow().split(";")[0];
    }

    @AfterAll
    static void stop() {
        server.close();
        slack.stop();
    }

    @Test
    void incidentPagesNameTheCommanderCommunicatorAndTimelineAuthors() throws Exception {
        Document list = page("/incidents");
        assertThat(row(list, resolved.id())).contains("Chen Li").doesNotContain(CHEN);
        // Nobody in Slack has WebSeed's second commander: the id is all there is to show.
        assertThat(row(list, open.id())).contains("U0COMMAND2");

        Document incident = page("/incidents/" + resolved.number());
        assertThat(incident.select("dl.facts").text()).contains("Commander Chen Li", "Communicator Bea Schmidt");
        assertThat(incident.select("table").text()).contains("Chen Li", "Bea Schmidt", "@Bea Schmidt is the communicator");
        assertThat(incident.select("main").text()).doesNotContain(CHEN, BEA, "<@");
    }

    @Test
    void theMarkdownSummaryNamesPeopleToo() throws Exception {
        HttpResponse<String> md = get("/incidents/" + resolved.number() + "/summary.md");
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.body()).contains("- **Commander:** Chen Li\n", "- **Communicator:** Bea Schmidt\n",
                "— declared (Chen Li): Declared sev2", "— update (Bea Schmidt): Card payments fail",
                "(Chen Li): @Bea Schmidt is the communicator").doesNotContain(CHEN, BEA);
    }

    @Test
    void deployPagesNameTheRequesterApproverAndOverrider() throws Exception {
        Document list = page("/deploys?service=web");
        assertThat(row(list, "#" + deploy.id())).contains("Alice Jones").doesNotContain(ALICE);

        Document one = page("/deploys/" + deploy.id());
        assertThat(one.select("main").text()).contains("Requested by Alice Jones", "Runs the build Alice Jones",
                "Lee Park at", "Lee Park").doesNotContain(ALICE, LEE);
    }

    @Test
    void slackIsAskedOncePerPersonAndAgainOnlyWhenTheCacheExpires() throws Exception {
        String kim = slack.addUser("U0KIMCACHE", "Kim Cache");
        var ctx = server.getApplicationContext();
        Incident i = ctx.getBean(IncidentRepository.class).create(new IncidentRepository.NewIncident("Cache check",
                Severity.SEV4, kim, "C0INCIDENT", clock.instant(), Optional.empty()));
        for (int view = 0; view < 3; view++) {
            assertThat(page("/incidents/" + i.number()).select("dl.facts").text()).contains("Commander Kim Cache");
            assertThat(get("/incidents/" + i.number() + "/summary.md").body()).contains("**Commander:** Kim Cache");
        }
        assertThat(page("/incidents").text()).contains("Kim Cache");
        assertThat(usersInfoCalls(kim)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(61));
        assertThat(page("/incidents/" + i.number()).select("dl.facts").text()).contains("Commander Kim Cache");
        assertThat(usersInfoCalls(kim)).isEqualTo(2);
    }

    @Test
    void whenSlackFailsThePageStillAnswersWithTheIdAndNamesThePersonOnceSlackIsBack() throws Exception {
        String sam = slack.addUser("U0SAMFAILS", "Sam Fails");
        Incident i = server.getApplicationContext().getBean(IncidentRepository.class).create(
                new IncidentRepository.NewIncident("Slack down", Severity.SEV4, sam, "C0INCIDENT", clock.instant(),
                        Optional.empty()));
        slack.failNext("users.info", Fault.error("internal_error"));
        HttpResponse<String> down = get("/incidents/" + i.number());
        assertThat(down.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(down.body()).select("dl.facts").text()).contains("Commander " + sam);

        // Not asked again on every view while Slack is failing: after a minute.
        assertThat(page("/incidents/" + i.number()).select("dl.facts").text()).contains("Commander " + sam);
        assertThat(usersInfoCalls(sam)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(61));
        assertThat(page("/incidents/" + i.number()).select("dl.facts").text()).contains("Commander Sam Fails");
    }

    private static long usersInfoCalls(String userId) {
        return slack.calls("users.info").stream().filter(c -> userId.equals(c.param("user"))).count();
    }

    private static String row(Document page, String text) {
        return page.select("tr").stream().filter(tr -> tr.text().contains(text)).findFirst().orElseThrow().text();
    }

    private static Document page(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        Document doc = Jsoup.parse(r.body());
        assertThat(HtmlChecks.problems(r.body())).as(path).isEmpty();
        return doc;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.getURI().resolve(path)).header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
