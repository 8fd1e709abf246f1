package dev.flightdeck.slack.api.outbox;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.model.Message;
import com.slack.api.util.json.GsonFactory;
import dev.flightdeck.slack.api.ThreadMarkers;

import java.util.Map;

/**
 * The rendered part of a message as stored: text, and blocks and attachments as the JSON Slack's SDK would send,
 * so the worker sends exactly what was rendered when the change happened, however long it waits.
 */
final class OutboxPayload {

    private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();
    private static final Gson GSON = new Gson();

    private OutboxPayload() {
    }

    static String of(OutboxMessage m) {
        JsonObject o = new JsonObject();
        if (m.text() != null) o.addProperty("text", m.text());
        if (m.blocks() != null) o.addProperty("blocks", SLACK_JSON.toJson(m.blocks()));
        if (m.attachments() != null) o.addProperty("attachments", SLACK_JSON.toJson(m.attachments()));
        if (m.marker() != null) o.addProperty("marker", m.marker());
        return GSON.toJson(o);
    }

    static ChatPostMessageRequest post(String payload, String channel, String threadTs) {
        JsonObject o = GSON.fromJson(payload, JsonObject.class);
        ChatPostMessageRequest.ChatPostMessageRequestBuilder b = ChatPostMessageRequest.builder().channel(channel)
                .threadTs(threadTs).text(string(o, "text")).blocksAsString(string(o, "blocks"))
                .attachmentsAsString(string(o, "attachments")).unfurlLinks(false);
        String marker = string(o, "marker");
        if (marker != null) {
            // Marked like ThreadMarkers.tagged, so ThreadMarkers.inThread finds it.
            b.metadata(Message.Metadata.builder().eventType(ThreadMarkers.EVENT_TYPE).eventPayload(Map.of("key", marker)).build());
        }
        return b.build();
    }

    static ChatUpdateRequest update(String payload, String channel, String ts) {
        JsonObject o = GSON.fromJson(payload, JsonObject.class);
        return ChatUpdateRequest.builder().channel(channel).ts(ts).text(string(o, "text"))
                .blocksAsString(string(o, "blocks")).attachmentsAsString(string(o, "attachments")).build();
    }

    /** The ThreadMarkers key the message carries, or null. */
    static String marker(String payload) {
        return string(GSON.fromJson(payload, JsonObject.class), "marker");
    }

    private static String string(JsonObject o, String name) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : null;
    }
}
