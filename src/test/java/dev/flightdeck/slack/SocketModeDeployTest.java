package dev.flightdeck.slack;

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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
        JsonObject ack = send(command("/deploy", "commons " + v + " to prod", REQUESTER, d.commandChannel));
        assertThat(ack.getAsJsonObject("payload").get("text").getAsString()).startsWith("Checking commons " + v + " for PROD");

        FakeSlack.Call post = slack.awaitCall("chat.postMessage", c -> c.ok() && c.param("thread_ts") == null
                && c.text() != null && c.text().contains("using version " + v), WAIT);
        String channel = post.response().getAsJsonObject().get("channel").getAsString();
        String ts = post.response().getAsJsonObject().get("ts").getAsString();
        long id = d.awaitRequest("commons", "prod", v).id();
        var posted = new DeployDriver.Posted(id, channel, ts, "", "");

        JsonObject clickAck = send(click(Ids.DEPLOY_GO, String.valueOf(id), RM1, channel, ts));
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
        JsonObject bad = send(formSubmission("commons", "not a version!", "staging"));
        JsonObject answer = bad.getAsJsonObject("payload");
        assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(answer.getAsJsonObject("errors").get(Ids.DEPLOY_FIELD_VERSION).getAsString()).contains("is not a version");

        String v = DeployDriver.newVersion();
        send(formSubmission("commons", v, "staging"));
        slack.awaitCall("chat.postMessage", c -> c.ok() && c.text() != null
                && c.text().contains("I'm about to run a STAGING build of commons using version " + v), WAIT);
        d.awaitEphemeral(REQUESTER, "is posted in");
        d.finishInFlight();
    }

    @Test
    @Order(3)
    void aPushpinReactionOverTheSocketAddsTheMessageToTheIncidentTimeline() throws Exception {
        JsonObject ack = send(command("/incident", "declare Socket Mode reaction check sev4", REQUESTER, d.commandChannel));
        Matcher m = Pattern.compile("INC-(\\d+)").matcher(ack.getAsJsonObject("payload").get("text").getAsString());
        assertThat(m.find()).isTrue();
        long number = Long.parseLong(m.group(1));
        IncidentService incidents = server.getApplicationContext().getBean(IncidentService.class);
        slack.awaitCall("chat.update", c -> c.ok() && c.text() != null && c.text().startsWith("INC-" + number + " ("), WAIT);
        Incident incident = incidents.find(number).orElseThrow();
        String channel = incident.channelId().orElseThrow();
        String ts = slack.addMessage(channel, REQUESTER, "Rolled the cache nodes one by one");

        JsonObject reactionAck = send(reaction(REQUESTER, "pushpin", channel, ts));
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

        socket.refresh(vendor("socket-mode-disconnect.json"));
        socket.awaitConnections(3, Duration.ofSeconds(30));
        assertThat(help().get("text").getAsString()).contains("/deploy rollback");
    }

    private JsonObject help() throws Exception {
        return send(command("/deploy", "help", REQUESTER, d.commandChannel)).getAsJsonObject("payload");
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

    // ---- Slack's published examples, with the ids this workspace must match

    private static JsonObject command(String command, String text, String user, String channel) throws IOException {
        JsonObject envelope = json("socket-mode-slash-command.json");
        JsonObject p = envelope.getAsJsonObject("payload");
        p.remove("enterprise_id"); // the fake workspace is not an Enterprise Grid org
        p.remove("enterprise_name");
        p.addProperty("team_id", slack.teamId());
        p.addProperty("team_domain", slack.teamDomain());
        p.addProperty("channel_id", channel);
        p.addProperty("channel_name", slack.channel(channel).map(c -> c.name()).orElse("deploy-commands"));
        p.addProperty("user_id", user);
        p.addProperty("user_name", "user-" + user.toLowerCase(java.util.Locale.ROOT));
        p.addProperty("command", command);
        p.addProperty("text", text);
        p.addProperty("response_url", slack.responseUrl());
        p.addProperty("api_app_id", slack.appId());
        return envelope;
    }

    private static JsonObject click(String actionId, String value, String user, String channel, String ts) throws IOException {
        JsonObject envelope = json("socket-mode-block-actions.json");
        JsonObject p = envelope.getAsJsonObject("payload");
        workspace(p, user);
        JsonObject container = p.getAsJsonObject("container");
        container.addProperty("message_ts", ts);
        container.addProperty("channel_id", channel);
        p.getAsJsonObject("channel").addProperty("id", channel);
        p.getAsJsonObject("channel").addProperty("name", slack.channel(channel).orElseThrow().name());
        p.getAsJsonObject("message").addProperty("ts", ts);
        p.getAsJsonObject("message").addProperty("user", slack.botUserId());
        p.getAsJsonObject("message").addProperty("bot_id", slack.botId());
        p.addProperty("response_url", slack.responseUrl());
        JsonObject action = p.getAsJsonArray("actions").get(0).getAsJsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", Ids.DEPLOY_ACTIONS_BLOCK);
        action.addProperty("value", value);
        return envelope;
    }

    private static JsonObject formSubmission(String service, String version, String env) throws IOException {
        JsonObject envelope = json("socket-mode-view-submission.json");
        JsonObject p = envelope.getAsJsonObject("payload");
        workspace(p, REQUESTER);
        JsonObject view = p.getAsJsonObject("view");
        view.addProperty("callback_id", Ids.DEPLOY_REQUEST_MODAL);
        view.addProperty("private_metadata", d.commandChannel);
        JsonObject values = new JsonObject();
        values.add(Ids.DEPLOY_FIELD_SERVICE, field(Ids.DEPLOY_FIELD_SERVICE, selected(service)));
        values.add(Ids.DEPLOY_FIELD_VERSION, field(Ids.DEPLOY_FIELD_VERSION, typed(version)));
        values.add(Ids.DEPLOY_FIELD_ENV, field(Ids.DEPLOY_FIELD_ENV, selected(env)));
        view.getAsJsonObject("state").add("values", values);
        return envelope;
    }

    private static JsonObject reaction(String user, String emoji, String channel, String ts) throws IOException {
        JsonObject envelope = json("socket-mode-reaction-added.json");
        JsonObject p = envelope.getAsJsonObject("payload");
        p.addProperty("team_id", slack.teamId());
        p.addProperty("api_app_id", slack.appId());
        JsonObject auth = p.getAsJsonArray("authorizations").get(0).getAsJsonObject();
        auth.addProperty("team_id", slack.teamId());
        auth.addProperty("user_id", slack.botUserId());
        JsonObject event = p.getAsJsonObject("event");
        event.addProperty("user", user);
        event.addProperty("reaction", emoji);
        event.addProperty("item_user", user);
        event.getAsJsonObject("item").addProperty("channel", channel);
        event.getAsJsonObject("item").addProperty("ts", ts);
        return envelope;
    }

    private static void workspace(JsonObject payload, String user) {
        payload.getAsJsonObject("team").addProperty("id", slack.teamId());
        payload.getAsJsonObject("team").addProperty("domain", slack.teamDomain());
        JsonObject u = payload.getAsJsonObject("user");
        u.addProperty("id", user);
        u.addProperty("username", "user-" + user.toLowerCase(java.util.Locale.ROOT));
        u.addProperty("team_id", slack.teamId());
        payload.addProperty("api_app_id", slack.appId());
    }

    private static JsonObject field(String actionId, JsonObject value) {
        JsonObject block = new JsonObject();
        block.add(actionId, value);
        return block;
    }

    /** A static_select's state as Slack sends it. */
    private static JsonObject selected(String option) {
        JsonObject text = new JsonObject();
        text.addProperty("type", "plain_text");
        text.addProperty("text", option);
        text.addProperty("emoji", true);
        JsonObject selected = new JsonObject();
        selected.add("text", text);
        selected.addProperty("value", option);
        JsonObject value = new JsonObject();
        value.addProperty("type", "static_select");
        value.add("selected_option", selected);
        return value;
    }

    private static JsonObject typed(String input) {
        JsonObject value = new JsonObject();
        value.addProperty("type", "plain_text_input");
        value.addProperty("value", input);
        return value;
    }

    private static JsonObject json(String file) throws IOException {
        return JsonParser.parseString(vendor(file)).getAsJsonObject();
    }

    private static String vendor(String file) throws IOException {
        try (InputStream in = SocketModeDeployTest.class.getResourceAsStream("/vendor/slack/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
