package dev.flightdeck.slack.envconfig.change;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.Optional;

/**
 * The value form's {@code private_metadata}: which key it proposes and where the command was typed (to answer there).
 * Never a value: Slack sends the metadata back with every submission, and it is nobody's business to carry one.
 */
record ChangeFormMetadata(String service, String environment, String key, String channelId, String userId) {

    String encode() {
        JsonObject o = new JsonObject();
        o.addProperty("service", service);
        o.addProperty("env", environment);
        o.addProperty("key", key);
        o.addProperty("channel", channelId == null ? "" : channelId);
        o.addProperty("user", userId);
        return o.toString();
    }

    /** Empty when the metadata is not ours (a form from an older version, or tampering). */
    static Optional<ChangeFormMetadata> decode(String metadata) {
        try {
            JsonObject o = JsonParser.parseString(metadata == null ? "" : metadata).getAsJsonObject();
            return Optional.of(new ChangeFormMetadata(o.get("service").getAsString(), o.get("env").getAsString(),
                    o.get("key").getAsString(), o.get("channel").getAsString(), o.get("user").getAsString()));
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
