package dev.flightdeck.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * A message as FakeSlack holds it now (after any chat.update). {@code visibleTo} is set only
 * for ephemeral messages (the user who sees it); {@code threadTs} only for thread replies.
 */
public record FakeMessage(String channel, String ts, String threadTs, String user, String botId,
                          String text, JsonArray blocks, JsonArray attachments, boolean edited,
                          String visibleTo, Map<String, List<String>> reactions) {

    /** Text, every "text" in blocks and attachments, and attachment fallbacks/titles, joined by newlines: for "contains" assertions. */
    public String allText() {
        StringBuilder out = new StringBuilder(text == null ? "" : text);
        collect(blocks, out);
        collect(attachments, out);
        return out.toString();
    }

    public boolean isThreadReply() {
        return threadTs != null && !threadTs.equals(ts);
    }

    private static void collect(JsonElement element, StringBuilder out) {
        if (element == null || element.isJsonNull()) return;
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collect(e, out));
        } else if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            for (Map.Entry<String, JsonElement> e : object.entrySet()) {
                JsonElement v = e.getValue();
                boolean textual = switch (e.getKey()) {
                    case "text", "title", "pretext", "fallback", "value", "footer" -> true;
                    default -> false;
                };
                if (textual && v.isJsonPrimitive()) {
                    out.append('\n').append(v.getAsString());
                } else {
                    collect(v, out);
                }
            }
        }
    }
}
