package dev.flightdeck.slack.incident.followup;

import dev.flightdeck.testing.SetUpDone;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.followup.FollowUp;
import dev.flightdeck.incident.followup.FollowUpExports;
import dev.flightdeck.incident.followup.FollowUpState;
import dev.flightdeck.incident.followup.FollowUpStore;
import dev.flightdeck.incident.followup.FollowUpTrackerPolls;
import dev.flightdeck.slack.api.SlackStartup;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
import dev.flightdeck.testing.TestSecretsFactory;
import dev.flightdeck.tracker.FakeJira;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-ups exported to Jira end to end (issue 18, DESIGN section 14): the real app with a team-file overlay naming
 * the loopback {@link FakeJira} ({@code follow-ups: { jira: { url, project: OPS, user, token-env: JIRA_TOKEN } }}),
 * signed Slack requests for {@code /incident follow-up}, the export job opening one Jira Task labelled incident and
 * INC-n, and the poll job ({@link FollowUpTrackerPolls}) closing the follow-up once its issue is Done, once; a poll
 * Jira refuses (401) or fails (5xx) leaves it open and a later poll closes it. The wakers are off: tests run the jobs.
 */
class FollowUpJiraTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String JIRA_USER = "ops-bot@acme.dev";
    private static final Pattern DECLARED = Pattern.compile("Declaring (INC-(\\d+))");

    static FakeSlack slack;
    static FakeJira jira;
    static Path overlay;
    static EmbeddedServer server;
    static MutableClock clock;
    static SignedRequests signed;

    @BeforeAll
    static void start() throws IOException {
        slack = new FakeSlack().start();
        slack.addChannel("incidents");
        slack.addChannel("status");
        jira = new FakeJira(JIRA_USER, TestSecretsFactory.VALUES.get("JIRA_TOKEN"), "OPS");
        // The port is FakeJira's, known only now: the overlay is written for this run.
        overlay = Files.createTempFile("follow-ups-jira", ".yml");
        Files.writeString(overlay, """
                flightdeck:
                  incidents:
                    follow-ups:
                      jira: { url: "%s", project: OPS, user: %s, token-env: JIRA_TOKEN }
                """.formatted(jira.url(), JIRA_USER));
        String files = Path.of("flightdeck.example.yml").toAbsolutePath() + "," + overlay.toAbsolutePath();
        server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of(
                "micronaut.config.files", files,
                "flightdeck.follow-ups.wake", "false")));
        server.getApplicationContext().getBean(SlackStartup.class).channelsJoined().orTimeout(30, TimeUnit.SECONDS).join();
        clock = server.getApplicationContext().getBean(MutableClock.class);
        signed = new SignedRequests(TestApp.SIGNING_SECRET, clock).forWorkspace(slack);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (slack != null) {
            slack.stop();
        }
        if (jira != null) {
            jira.close();
        }
        if (overlay != null) {
            Files.deleteIfExists(overlay);
        }
    }

    static <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    static String user(String name) {
        return slack.addUser(name + "-" + System.nanoTime());
    }

    static String text(SignedRequest.Reply reply) {
        return reply.json().getAsJsonObject().get("text").getAsString();
    }

    static SignedRequest.Reply command(String text, String user, String channel) {
        SignedRequest.Reply reply = signed.slashCommand("/incident", text, user, channel, slack.responseUrl())
                .send(server.getURI());
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    static Incident declare(String title, String user) {
        String channel = slack.addChannel("war-room-" + System.nanoTime(), user);
        String answer = text(command("declare " + title + " sev3", user, channel));
        Matcher m = DECLARED.matcher(answer);
        assertThat(m.find()).as("ack: " + answer).isTrue();
        return SetUpDone.await(bean(IncidentService.class), Long.parseLong(m.group(2)), WAIT);
    }

    /** Adds one follow-up by command in the incident's channel, runs the export job, and waits for its issue. */
    static FollowUp followUpExported(Incident incident, String ic, String what) {
        String answer = text(command("follow-up " + what, ic, incident.channelId().orElseThrow()));
        assertThat(answer).contains("added to " + incident.id(), "An issue is being opened for it.");
        List<FollowUp> all = bean(FollowUpStore.class).ofIncident(incident.number());
        assertThat(all).hasSize(1);
        long id = all.get(0).id();
        // The prompt after adding races the job; the claim lets one of them open the issue.
        bean(FollowUpExports.class).runDue();
        long until = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < until) {
            FollowUp f = bean(FollowUpStore.class).find(id).orElseThrow();
            if (f.export().state() == FollowUp.ExportState.DONE) {
                assertThat(bean(FollowUpExports.class).runDue()).as("nothing more to export").isZero();
                return f;
            }
            sleep();
        }
        throw new AssertionError("follow-up #" + id + " was not exported: " + bean(FollowUpStore.class).find(id));
    }

    static List<FakeJira.Issue> issuesOf(Incident incident) {
        return jira.issues.values().stream().filter(i -> i.labels().contains(incident.id())).toList();
    }

    static FollowUp stored(FollowUp f) {
        return bean(FollowUpStore.class).find(f.id()).orElseThrow();
    }

    static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFollowUpBecomesOneJiraTaskAndIsClosedOnceWhenTheTaskIsDone() {
        String ic = user("ic");
        Incident incident = declare("Payments time out", ic);
        String channel = incident.channelId().orElseThrow();

        FollowUp f = followUpExported(incident, ic, "Add a timeout alarm on the payments client");

        // Exactly one Task in OPS, labelled incident and INC-n, linking back to the incident's page.
        List<FakeJira.Issue> issues = issuesOf(incident);
        assertThat(issues).hasSize(1);
        FakeJira.Issue issue = issues.get(0);
        assertThat(issue.project()).isEqualTo("OPS");
        assertThat(issue.type()).isEqualTo("Task");
        assertThat(issue.summary()).isEqualTo("Add a timeout alarm on the payments client");
        assertThat(issue.labels()).containsExactlyInAnyOrder("incident", incident.id());
        assertThat(issue.description()).contains("/incidents/" + incident.number());
        assertThat(f.export().key()).contains(issue.key());
        assertThat(f.export().url()).contains(jira.url() + "/browse/" + issue.key());
        assertThat(jira.calls).filteredOn(c -> c.equals("POST /rest/api/3/issue")).hasSameSizeAs(jira.issues.values());

        // The card and /incident follow-ups show it with its issue.
        slack.awaitCall("chat.update", c -> c.ok() && c.channel().equals(channel)
                && c.allText().contains("#" + f.id() + " Add a timeout alarm") && c.allText().contains(issue.key())
                && c.allText().contains("(open)"), WAIT);
        String listed = text(command("follow-ups", ic, channel));
        assertThat(listed).contains(incident.id() + " #" + f.id(), issue.key(), "(open)");

        // Nothing is done in Jira yet: a poll closes nothing.
        assertThat(bean(FollowUpTrackerPolls.class).runDue()).isZero();
        assertThat(stored(f).state()).isEqualTo(FollowUpState.OPEN);

        jira.done(issue.key());
        assertThat(bean(FollowUpTrackerPolls.class).runDue()).isEqualTo(1);

        FollowUp done = stored(f);
        assertThat(done.state()).isEqualTo(FollowUpState.DONE);
        assertThat(done.closedBy()).contains("jira:" + JIRA_USER);
        assertThat(bean(IncidentService.class).timeline(incident.number()))
                .anySatisfy(e -> assertThat(e.text()).contains("Follow-up #" + f.id() + " done"));
        slack.awaitCall("chat.update", c -> c.ok() && c.channel().equals(channel)
                && c.allText().contains("#" + f.id() + " Add a timeout alarm") && c.allText().contains("(done"), WAIT);
        assertThat(text(command("follow-ups", ic, channel))).contains("No open follow-ups for <@" + ic + ">.");

        // The next poll finds nothing more to close, and the follow-up is not touched again.
        assertThat(bean(FollowUpTrackerPolls.class).runDue()).isZero();
        assertThat(stored(f).version()).isEqualTo(done.version());
        assertThat(issuesOf(incident)).hasSize(1);
    }

    @Test
    void aPollJiraRefusesOrFailsLeavesTheFollowUpOpenAndALaterPollClosesIt() {
        String ic = user("ic");
        Incident incident = declare("Search index stale", ic);
        FollowUp f = followUpExported(incident, ic, "Alert when the indexer lags");
        String key = f.export().key().orElseThrow();
        jira.done(key);

        jira.failSearches(401);
        assertThat(bean(FollowUpTrackerPolls.class).runDue()).isZero();
        assertThat(stored(f).state()).isEqualTo(FollowUpState.OPEN);

        jira.failSearches(503);
        assertThat(bean(FollowUpTrackerPolls.class).runDue()).isZero();
        assertThat(stored(f).state()).isEqualTo(FollowUpState.OPEN);
        assertThat(text(command("follow-ups", ic, incident.channelId().orElseThrow()))).contains(key, "(open)");

        assertThat(bean(FollowUpTrackerPolls.class).runDue()).isEqualTo(1);
        assertThat(stored(f).state()).isEqualTo(FollowUpState.DONE);
        assertThat(bean(FollowUpTrackerPolls.class).runDue()).isZero();
        assertThat(issuesOf(incident)).hasSize(1);
    }
}
