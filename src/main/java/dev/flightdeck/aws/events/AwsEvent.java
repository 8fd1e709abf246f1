package dev.flightdeck.aws.events;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One EventBridge event as an API destination delivers it: the envelope ({@code id}, {@code detail-type},
 * {@code source}, {@code account}, {@code time}, {@code region}, {@code resources}) and the service's own
 * {@code detail}. The detail may hold what no log should (a CloudTrail entry names callers, addresses, parameters):
 * routes read the fields they need and log only the type, the id and a name.
 */
public record AwsEvent(String id, String detailType, String source, String account, Optional<Instant> time,
                       String region, List<String> resources, JsonObject detail) {

    /** Event ids are UUIDs; anything much longer is not one and does not go into the seen table. */
    static final int MAX_ID = 128;

    /** Why a body is not an EventBridge event: the words of the 400 answer. */
    public static final class Malformed extends Exception {
        public Malformed(String why) {
            super(why, null, false, false);
        }
    }

    public static AwsEvent parse(String body) throws Malformed {
        JsonElement root;
        try {
            root = JsonParser.parseString(body);
        } catch (JsonParseException | IllegalStateException e) {
            throw new Malformed("the body is not JSON");
        }
        if (!root.isJsonObject()) {
            throw new Malformed("the body is not a JSON object (an EventBridge event)");
        }
        JsonObject o = root.getAsJsonObject();
        String id = text(o, "id").filter(s -> !s.isBlank())
                .orElseThrow(() -> new Malformed("the event has no id"));
        if (id.length() > MAX_ID) {
            throw new Malformed("the event id is longer than " + MAX_ID + " characters");
        }
        String type = text(o, "detail-type").filter(s -> !s.isBlank())
                .orElseThrow(() -> new Malformed("the event has no detail-type"));
        JsonElement detail = o.get("detail");
        return new AwsEvent(id, type, text(o, "source").orElse(""), text(o, "account").orElse(""),
                text(o, "time").flatMap(AwsEvent::instant), text(o, "region").orElse(""), strings(o, "resources"),
                detail != null && detail.isJsonObject() ? detail.getAsJsonObject() : new JsonObject());
    }

    /** A string at a dotted path ({@code requestParameters.secretId}); empty when absent, null or not a value. */
    public static Optional<String> text(JsonObject object, String path) {
        JsonElement at = object;
        for (String part : path.split("\\.")) {
            if (at == null || !at.isJsonObject()) {
                return Optional.empty();
            }
            at = at.getAsJsonObject().get(part);
        }
        return at != null && at.isJsonPrimitive() ? Optional.of(at.getAsString()) : Optional.empty();
    }

    public Optional<String> detail(String path) {
        return text(detail, path);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<String> strings(JsonObject o, String name) {
        JsonElement e = o.get(name);
        List<String> out = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> {
                if (x.isJsonPrimitive()) {
                    out.add(x.getAsString());
                }
            });
        }
        return List.copyOf(out);
    }

    /** No detail in toString: a log line or an exception that prints an event must not carry it. */
    @Override
    public String toString() {
        return "AwsEvent[" + detailType + " " + id + " from " + source + "]";
    }
}
