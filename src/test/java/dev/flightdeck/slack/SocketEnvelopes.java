package dev.flightdeck.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.testing.FakeSlack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.deploy.DeploySlackIds;

/**
 * Socket Mode envelopes from Slack's published examples (src/test/resources/vendor/slack, sources in the README
 * there), with only the ids and names this fake workspace must match changed.
 */
final class SocketEnvelopes {

    private final FakeSlack slack;
    private final String commandChannel;

    SocketEnvelopes(FakeSlack slack, String commandChannel) {
        this.slack = slack;
        this.commandChannel = commandChannel;
    }

    JsonObject command(String command, String text, String user, String channel) throws IOException {
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

    JsonObject click(String actionId, String value, String user, String channel, String ts) throws IOException {
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
        action.addProperty("block_id", DeploySlackIds.DEPLOY_ACTIONS_BLOCK);
        action.addProperty("value", value);
        return envelope;
    }

    JsonObject formSubmission(String service, String version, String env) throws IOException {
        JsonObject envelope = json("socket-mode-view-submission.json");
        JsonObject p = envelope.getAsJsonObject("payload");
        workspace(p, REQUESTER);
        JsonObject view = p.getAsJsonObject("view");
        view.addProperty("callback_id", DeploySlackIds.DEPLOY_REQUEST_MODAL);
        view.addProperty("private_metadata", commandChannel);
        JsonObject values = new JsonObject();
        values.add(DeploySlackIds.DEPLOY_FIELD_SERVICE, field(DeploySlackIds.DEPLOY_FIELD_SERVICE, selected(service)));
        values.add(DeploySlackIds.DEPLOY_FIELD_VERSION, field(DeploySlackIds.DEPLOY_FIELD_VERSION, typed(version)));
        values.add(DeploySlackIds.DEPLOY_FIELD_ENV, field(DeploySlackIds.DEPLOY_FIELD_ENV, selected(env)));
        view.getAsJsonObject("state").add("values", values);
        return envelope;
    }

    JsonObject reaction(String user, String emoji, String channel, String ts) throws IOException {
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

    private void workspace(JsonObject payload, String user) {
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

    static String vendor(String file) throws IOException {
        try (InputStream in = SocketEnvelopes.class.getResourceAsStream("/vendor/slack/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
