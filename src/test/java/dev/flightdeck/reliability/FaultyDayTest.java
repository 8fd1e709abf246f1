package dev.flightdeck.reliability;

import dev.flightdeck.testing.SetUpDone;
import dev.flightdeck.deploy.DeployEvent;
import dev.flightdeck.deploy.DeployService;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.testing.FakeMessage;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.flightdeck.slack.deploy.DeployDriver.DEVELOPER;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.deploy.DeploySlackIds;

/**
 * A scripted day of activity (deploy requests, decisions, builds that succeed and fail, incidents
 * with updates and notes) while the fake Slack fails 30% of Web API calls with 429 (Retry-After) or 5xx. At the end
 * every message the day should have produced is in Slack exactly once, and no message is there twice.
 */
class FaultyDayTest {

    static final long SEED = 20261124L;
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Pattern DECLARED = Pattern.compile("Declaring (INC-(\\d+))");
    static FakeSlack slack;
    static EmbeddedServer server;

    @BeforeAll
    static void start() {
        slack = new FakeSlack().start();
        // At 30% faults a call fails five times running about once in 400 calls; real Slack fails far less often.
        // Ten tries make a lost message about one in 170,000 calls; Retry-After is honoured but capped for speed.
        server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of(
                "slack.retry.max-attempts", 10, "slack.retry.max-retry-after", "200ms",
                "flightdeck.deploy.scheduler-interval", "1h", "incident-jobs.interval", "1h")));
    }

    private static void awaitQuietSlack() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int seen = -1;
        while (slack.calls().size() != seen && System.nanoTime() < deadline) {
            seen = slack.calls().size();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        slack.stop();
    }

    @Test
    void aDayOfActivityUnderThirtyPercentSlackFaultsDeliversEveryMessageExactlyOnce() {
        DeployDriver d = new DeployDriver(slack, server);
        String ops = slack.addChannel("ops", REQUESTER, RM1, DEVELOPER);
        String incidents = slack.addChannel("incidents", REQUESTER, RM1);
        String status = slack.addChannel("status", REQUESTER, RM1);
        d.moveToWindow(true);
        DeployService deploys = d.context().getBean(DeployService.class);
        // Start-up work (joining the team file's channels, Bolt's first auth.test) ends before the faults begin, so
        // the seeded faults fall on the day's calls, not on whichever start-up call races the first request.
        d.command("help", REQUESTER, slack.responseUrl());
        awaitQuietSlack();
        int callsBefore = slack.calls().size();
        slack.failRandomly(0.30, SEED);

        // Morning: four prod deploys of commons, one after the other (one at a time per service and environment).
        List<String> versions = new ArrayList<>();
        List<DeployDriver.Posted> posted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String version = DeployDriver.newVersion();
            DeployDriver.Posted p = d.request("commons", version, "prod", REQUESTER, "");
            d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
            d.awaitState(p.id(), DeployState.RUNNING);
            deploys.buildStatus(p.id(), i == 2 ? DeployEvent.BUILD_FAILED : DeployEvent.BUILD_SUCCEEDED, null, null);
            d.awaitThreadReply(p, i == 2 ? "failed" : "succeeded");
            versions.add(version);
            posted.add(p);
        }
        // A staging deploy of billing approved by a developer.
        String billing = DeployDriver.newVersion();
        DeployDriver.Posted staging = d.request("billing", billing, "staging", REQUESTER, "");
        d.click(DeploySlackIds.DEPLOY_GO, staging, DEVELOPER);
        d.awaitState(staging.id(), DeployState.RUNNING);
        deploys.buildStatus(staging.id(), DeployEvent.BUILD_SUCCEEDED, null, null);
        d.awaitThreadReply(staging, "succeeded");

        // Afternoon: two incidents, each with two updates and a note.
        IncidentService incidentService = d.context().getBean(IncidentService.class);
        List<Incident> declared = new ArrayList<>();
        for (String title : List.of("Checkout returns 500s sev2", "Search is slow sev3")) {
            var ack = d.signed().slashCommand("/incident", "declare " + title, REQUESTER, ops, slack.responseUrl()).send(d.uri());
            assertThat(ack.status()).isEqualTo(200);
            Matcher m = DECLARED.matcher(ack.json().getAsJsonObject().get("text").getAsString());
            assertThat(m.find()).isTrue();
            String id = m.group(1);
            Incident incident = SetUpDone.await(incidentService, Long.parseLong(m.group(2)), WAIT);
            String channel = incident.channelId().orElseThrow();
            for (String text : List.of("update identified " + id + " cause found", "update monitoring " + id + " fix is out",
                    "note " + id + " customers told by support")) {
                var reply = d.signed().slashCommand("/incident", text, REQUESTER, channel, slack.responseUrl()).send(d.uri());
                assertThat(reply.status()).isEqualTo(200);
            }
            declared.add(incident);
        }
        for (Incident incident : declared) {
            awaitExactly(status, m -> m.text() != null && m.text().contains(incident.id() + " fix is out"), 1);
        }
        ReplicaProcess.sleep(1000); // a late duplicate would have arrived by now

        // Every expected message, exactly once.
        String deploysChannel = slack.channel("deploys").orElseThrow().id();
        for (int n = 0; n < posted.size(); n++) {
            final int i = n;
            DeployDriver.Posted p = posted.get(i);
            String label = d.repository().find(p.id()).orElseThrow().buildLabel();
            assertThat(count(deploysChannel, m -> !m.isThreadReply() && m.allText().contains("using version " + versions.get(i))))
                    .as("go/no-go of %s", versions.get(i)).isEqualTo(1);
            assertThat(thread(p, "go ahead and run the PROD build")).isEqualTo(1);
            assertThat(thread(p, "started")).isEqualTo(1);
            assertThat(thread(p, i == 2 ? "failed" : "succeeded")).isEqualTo(1);
            assertThat(count(deploysChannel, m -> !m.isThreadReply() && m.allText().contains(label + " started"))).isEqualTo(1);
            assertThat(count(deploysChannel, m -> !m.isThreadReply()
                    && m.allText().contains(label + (i == 2 ? " failed" : " succeeded")))).isEqualTo(1);
        }
        assertThat(thread(staging, "go ahead")).isEqualTo(1);
        assertThat(thread(staging, "succeeded")).isEqualTo(1);
        for (Incident incident : declared) {
            String channel = incident.channelId().orElseThrow();
            assertThat(slack.channels().stream().filter(c -> c.name().startsWith("inc-" + incident.number() + "-")).count())
                    .isEqualTo(1);
            assertThat(count(channel, m -> m.text() != null && m.text().startsWith(incident.id() + " ("))).as("card").isEqualTo(1);
            assertThat(count(incidents, m -> m.allText().contains(incident.id()))).as("announcement").isEqualTo(1);
            for (String update : List.of(" cause found", " fix is out")) {
                assertThat(count(channel, m -> m.allText().contains(incident.id() + update))).as(update).isEqualTo(1);
                assertThat(count(status, m -> m.allText().contains(incident.id() + update))).as(update).isEqualTo(1);
            }
        }
        // And nothing anywhere twice: the same text at the same place (channel, thread) would be a duplicate delivery.
        for (var channel : slack.channels()) {
            Map<String, Long> same = slack.messagesIn(channel.id()).stream()
                    .collect(Collectors.groupingBy(m -> m.threadTs() + "|" + m.allText(), Collectors.counting()));
            assertThat(same.values()).as("duplicates in %s: %s", channel.name(), same).allMatch(n -> n == 1);
        }
        // The faults really happened, and nothing was given up on.
        int calls = slack.calls().size() - callsBefore;
        assertThat(slack.randomFaultsServed()).isGreaterThan(calls / 5);
        assertThat(slack.calls().stream().skip(callsBefore).filter(c -> c.fault() == null && !c.ok())
                .map(c -> c.method() + ":" + c.error()).toList()).as("calls Slack refused for real").isEmpty();
        System.out.printf("FaultyDayTest: %d Slack calls, %d faults injected (seed %d)%n", calls, slack.randomFaultsServed(), SEED);
    }

    private static long thread(DeployDriver.Posted p, String containing) {
        return slack.messagesIn(p.channel()).stream().filter(m -> p.ts().equals(m.threadTs()) && !m.ts().equals(p.ts())
                && m.allText().contains(containing)).count();
    }

    private static long count(String channel, Predicate<FakeMessage> matching) {
        return slack.messagesIn(channel).stream().filter(matching).count();
    }

    private static void awaitExactly(String channel, Predicate<FakeMessage> matching, long n) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (count(channel, matching) < n && System.nanoTime() < deadline) {
            ReplicaProcess.sleep(50);
        }
    }
}
