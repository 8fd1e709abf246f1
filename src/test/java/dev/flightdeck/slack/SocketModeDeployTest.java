package dev.flightdeck.slack;

import dev.flightdeck.testing.SetUpDone;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.FakeSocketModeServer;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.deploy.DeploySlackIds;

/**
 * A team behind a VPN runs Flightdeck over Socket Mode: a whole deploy goes through the socket (the command, the Go
 * click, the deploy form's submission), a pushpin reaction reaches an incident's timeline, and after the socket drops
 * or Slack refreshes it the bot reconnects and answers again. Every envelope is Slack's published example with only
 * the ids it must match changed, and every one must be acknowledged with its envelope_id (Slack redelivers otherwise).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SocketModeDeployTest {

    static final Duration WAIT = DeployDriver.WAIT;
    static FakeSlack slack;
    static FakeSocketModeServer socket;
    static EmbeddedServer server;
    static DeployDriver d;
    static SocketEnvelopes envelopes;

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeSlack().start();
        DeployDriver.seed(slack);
        for (String name : List.of("incidents", "status")) {
            slack.addChannel(name, REQUESTER);
        }
        socket = new FakeSocketModeServer();
        slack.socketModeUrl(socket.url());
        server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of(
                "slack.app-token", FakeSlack.APP_TOKEN, "slack.signing-secret", "")));
        socket.awaitConnected(Duration.ofSeconds(20));
        d = new DeployDriver(slack, server);
        envelopes = new SocketEnvelopes(slack, d.commandChannel);
    }

    @AfterAll
    static void stop() {
        if (d != null) {
            d.finishInFlight();
        }
        server.close();
        socket.close();
        slack.stop();
    }

    @Test
    @Order(1)
    void aProdDeployIsRequestedAndApprovedOverTheSocket() throws Exception {
        d.moveToWindow(true);
        String v = DeployDriver.newVersion();
        JsonObject ack = send(envelopes.command("/deploy", "commons " + v + " to prod", REQUESTER, d.commandChannel));
        assertThat(ack.getAsJsonObject("payload").get("text").getAsString()).startsWith("Checking commons " + v + " for PROD");

        FakeSlack.Call post = slack.awaitCall("chat.postMessage", c -> c.ok() && c.param("thread_ts") == null
                && c.text() != null && c.text().contains("using version " + v), WAIT);
        String channel = post.response().getAsJsonObject().get("channel").getAsString();
        String ts = post.response().getAsJsonObject().get("ts").getAsString();
        long id = d.awaitRequest("commons", "prod", v).id();
        var posted = new DeployDriver.Posted(id, channel, ts, "", "");

        JsonObject clickAck = send(envelopes.click(DeploySlackIds.DEPLOY_GO, String.valueOf(id), RM1, channel, ts));
        assertThat(clickAck.has("payload")).isFalse();
        d.awaitThreadReply(posted, "<@" + RM1 + "> go ahead and run the PROD build");
        d.awaitState(id, DeployState.RUNNING);
        assertThat(d.backend().triggersOf(id)).isEqualTo(1);
        d.finishInFlight();
    }

    @Test
    @Order(2)
    void theDeployFormIsSubmittedOverTheSocketAndAMistakeIsAnsweredInTheAck() throws Exception {
        d.moveToWindow(true);
        JsonObject bad = send(envelopes.formSubmission("commons", "not a version!", "staging"));
        JsonObject answer = bad.getAsJsonObject("payload");
        assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(answer.getAsJsonObject("errors").get(DeploySlackIds.DEPLOY_FIELD_VERSION).getAsString()).contains("is not a version");

        String v = DeployDriver.newVersion();
        send(envelopes.formSubmission("commons", v, "staging"));
        slack.awaitCall("chat.postMessage", c -> c.ok() && c.text() != null
                && c.text().contains("I'm about to run a STAGING build of commons using version " + v), WAIT);
        d.awaitEphemeral(REQUESTER, "is posted in");
        d.finishInFlight();
    }

    @Test
    @Order(3)
    void aPushpinReactionOverTheSocketAddsTheMessageToTheIncidentTimeline() throws Exception {
        JsonObject ack = send(envelopes.command("/incident", "declare Socket Mode reaction check sev4", REQUESTER, d.commandChannel));
        Matcher m = Pattern.compile("INC-(\\d+)").matcher(ack.getAsJsonObject("payload").get("text").getAsString());
        assertThat(m.find()).isTrue();
        long number = Long.parseLong(m.group(1));
        IncidentService incidents = server.getApplicationContext().getBean(IncidentService.class);
        Incident incident = SetUpDone.await(incidents, number, WAIT);
        String channel = incident.channelId().orElseThrow();
        String ts = slack.addMessage(channel, REQUESTER, "Rolled the cache nodes one by one");

        JsonObject reactionAck = send(envelopes.reaction(REQUESTER, "pushpin", channel, ts));
        assertThat(reactionAck.has("payload")).isFalse();
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<TimelineEntry> pinned = List.of();
        while (pinned.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            pinned = incidents.timeline(number).stream().filter(e -> e.kind() == TimelineEntry.Kind.PINNED).toList();
        }
        assertThat(pinned).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo("Rolled the cache nodes one by one");
            assertThat(e.author()).isEqualTo(REQUESTER);
        });
    }

    @Test
    @Order(4)
    void afterTheSocketDropsOrSlackRefreshesItTheBotReconnectsAndAnswers() throws Exception {
        int opened = slack.calls("apps.connections.open").size();
        socket.drop();
        socket.awaitConnections(2, Duration.ofSeconds(30));
        assertThat(slack.calls("apps.connections.open").size()).isGreaterThan(opened);
        assertThat(help().get("text").getAsString()).contains("/deploy rollback");

        socket.refresh(SocketEnvelopes.vendor("socket-mode-disconnect.json"));
        socket.awaitConnections(3, Duration.ofSeconds(30));
        assertThat(help().get("text").getAsString()).contains("/deploy rollback");
    }

    private JsonObject help() throws Exception {
        return send(envelopes.command("/deploy", "help", REQUESTER, d.commandChannel)).getAsJsonObject("payload");
    }

    /** Sends the envelope and returns the client's ack, which must name the envelope it acknowledges. */
    private static JsonObject send(JsonObject envelope) throws Exception {
        String id = UUID.randomUUID().toString();
        envelope.addProperty("envelope_id", id);
        String ack = socket.send(envelope.toString()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        JsonObject parsed = JsonParser.parseString(ack).getAsJsonObject();
        assertThat(parsed.get("envelope_id").getAsString()).isEqualTo(id);
        return parsed;
    }
}
