package dev.flightdeck.build;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;

import java.util.Optional;

/** Lenient reading of backend JSON: a missing or malformed field is empty, never an exception. */
public final class Json {

    private Json() {
    }

    public static Optional<JsonObject> object(String text) {
        try {
            JsonElement e = JsonParser.parseString(text == null ? "" : text);
            return e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
        } catch (JsonSyntaxException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The value at a dotted path ({@code build.parameters.DEPLOY_ID}) as text, if it is a primitive. */
    public static Optional<String> text(JsonObject root, String path) {
        JsonElement at = root;
        for (String part : path.split("\\.")) {
            if (at == null || !at.isJsonObject() || !at.getAsJsonObject().has(part)) {
                return Optional.empty();
            }
            at = at.getAsJsonObject().get(part);
        }
        return at != null && at.isJsonPrimitive() ? Optional.of(at.getAsString()) : Optional.empty();
    }

    public static Optional<JsonObject> child(JsonObject root, String name) {
        JsonElement e = root.get(name);
        return e != null && e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
    }
}
