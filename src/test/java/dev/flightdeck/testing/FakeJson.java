package dev.flightdeck.testing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.Collection;
import java.util.Map;

/** Small JSON helpers for the fakes (Gson comes with the Slack SDK). */
final class FakeJson {
    /** No HTML escaping, so recorded values keep their real {@code <} and {@code >}. */
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private FakeJson() {}

    /** An object from alternating keys and values; null values are left out. */
    static JsonObject obj(Object... keysAndValues) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            if (v != null) o.add((String) keysAndValues[i], toJson(v));
        }
        return o;
    }

    static JsonElement toJson(Object v) {
        if (v == null) return JsonNull.INSTANCE;
        if (v instanceof JsonElement e) return e;
        if (v instanceof String s) return new JsonPrimitive(s);
        if (v instanceof Number n) return new JsonPrimitive(n);
        if (v instanceof Boolean b) return new JsonPrimitive(b);
        if (v instanceof Collection<?> c) {
            JsonArray a = new JsonArray();
            c.forEach(x -> a.add(toJson(x)));
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            JsonObject o = new JsonObject();
            m.forEach((k, x) -> o.add(String.valueOf(k), toJson(x)));
            return o;
        }
        throw new IllegalArgumentException("not JSON-able: " + v.getClass());
    }

    /** Parses JSON text; null when it is not valid JSON. */
    static JsonElement parseOrNull(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return JsonParser.parseString(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A primitive as its plain string value, anything else as compact JSON text. */
    static String asParam(JsonElement e) {
        if (e == null || e.isJsonNull()) return null;
        return e.isJsonPrimitive() ? e.getAsString() : GSON.toJson(e);
    }
}
