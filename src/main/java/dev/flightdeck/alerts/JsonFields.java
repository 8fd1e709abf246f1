package dev.flightdeck.alerts;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.flightdeck.text.Texts;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reading the vendors' JSON leniently where they vary (a number or a string, an absent field) and strictly where not. */
final class JsonFields {

    private JsonFields() {
    }

    static JsonObject object(String body, String expected) throws Reading.Malformed {
        try {
            JsonElement root = JsonParser.parseString(body);
            if (root != null && root.isJsonObject()) {
                return root.getAsJsonObject();
            }
        } catch (JsonParseException | IllegalStateException e) {
            throw new Reading.Malformed("the body is not JSON: expected " + expected);
        }
        throw new Reading.Malformed("the body is not a JSON object: expected " + expected);
    }

    static Optional<JsonObject> child(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
    }

    static Optional<JsonArray> array(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonArray() ? Optional.of(e.getAsJsonArray()) : Optional.empty();
    }

    /** A string or number field, blank as absent. */
    static Optional<String> text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive()) {
            return Optional.empty();
        }
        String s = e.getAsString().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** The strings of an array field (others skipped); a lone string as a list of one. */
    static List<String> texts(JsonObject o, String name) {
        JsonElement e = o.get(name);
        List<String> out = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> {
                if (x.isJsonPrimitive() && !x.getAsString().isBlank()) {
                    out.add(x.getAsString().strip());
                }
            });
        } else if (e != null && e.isJsonPrimitive() && !e.getAsString().isBlank()) {
            out.add(e.getAsString().strip());
        }
        return out;
    }

    /**
     * A map of labels or tags, keys lower-cased: an object of strings (Grafana) or of arrays whose first string counts
     * (New Relic's {@code accumulations.tag}).
     */
    static Map<String, String> labels(Optional<JsonObject> o) {
        Map<String, String> out = new LinkedHashMap<>();
        o.ifPresent(obj -> obj.entrySet().forEach(entry -> {
            JsonElement v = entry.getValue();
            Optional<String> value = Optional.empty();
            if (v.isJsonPrimitive()) {
                value = Optional.of(v.getAsString().strip());
            } else if (v.isJsonArray() && !v.getAsJsonArray().isEmpty() && v.getAsJsonArray().get(0).isJsonPrimitive()) {
                value = Optional.of(v.getAsJsonArray().get(0).getAsString().strip());
            }
            value.filter(s -> !s.isEmpty())
                    .ifPresent(s -> out.putIfAbsent(entry.getKey().strip().toLowerCase(Locale.ROOT), s));
        }));
        return out;
    }

    /** An http(s) link; anything else (a {@code javascript:} URL, garbage) is no link. */
    static Optional<URI> link(Optional<String> text) {
        return text.map(Texts::safeUrl).flatMap(s -> {
            try {
                return Optional.of(URI.create(s));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** An RFC 3339 time; Go's zero time ({@code 0001-01-01T00:00:00Z}, Grafana's "not yet") is absent. */
    static Optional<Instant> time(Optional<String> text, String field) throws Reading.Malformed {
        if (text.isEmpty() || text.get().startsWith("0001-01-01")) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
        } catch (DateTimeParseException e) {
            throw new Reading.Malformed(field + " is not a time: " + Shown.of(text.get()));
        }
    }

    /** Epoch milliseconds (New Relic), or seconds with a fraction (Sentry). */
    static Optional<Instant> epoch(JsonObject o, String name, boolean millis) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return Optional.empty();
        }
        double v = e.getAsDouble();
        return Optional.of(millis ? Instant.ofEpochMilli((long) v) : Instant.ofEpochMilli((long) (v * 1000)));
    }
}
