package dev.flightdeck.health;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the common JSON health formats:
 * <ul>
 *   <li>Micronaut: {@code {"status":"UP","details":{"jdbc":{"status":"UP",...},...}}}</li>
 *   <li>Spring Boot 2+: {@code {"status":"UP","components":{"db":{"status":"UP"},"x":{"components":{...}}}}}
 *       (nested groups flattened as {@code x/child})</li>
 *   <li>MicroProfile Health: {@code {"status":"UP","checks":[{"name":"db","status":"UP"}]}}</li>
 * </ul>
 * Anything else (plain text, other JSON) gives no overall status and no dependencies: the status code speaks.
 */
public final class HealthBodies {

    private static final int MAX_DETAIL = 200;

    private HealthBodies() {
    }

    public record Parsed(Optional<String> overall, List<DependencyHealth> dependencies) {
        static final Parsed NOTHING = new Parsed(Optional.empty(), List.of());
    }

    public static Parsed parse(String body) {
        JsonElement root;
        try {
            root = JsonParser.parseString(body);
        } catch (RuntimeException notJson) {
            return Parsed.NOTHING;
        }
        if (!root.isJsonObject()) {
            return Parsed.NOTHING;
        }
        JsonObject o = root.getAsJsonObject();
        Optional<String> overall = text(o, "status");
        List<DependencyHealth> deps = new ArrayList<>();
        if (o.has("components") && o.get("components").isJsonObject()) {
            collect("", o.getAsJsonObject("components"), "components", deps);
        } else if (o.has("details") && o.get("details").isJsonObject()) {
            collect("", o.getAsJsonObject("details"), "details", deps);
        } else if (o.has("checks") && o.get("checks").isJsonArray()) {
            for (JsonElement check : o.getAsJsonArray("checks")) {
                if (check.isJsonObject()) {
                    JsonObject c = check.getAsJsonObject();
                    text(c, "status").ifPresent(s -> deps.add(new DependencyHealth(
                            text(c, "name").orElse("?"), s, error(c))));
                }
            }
        }
        return new Parsed(overall, deps);
    }

    private static void collect(String prefix, JsonObject members, String nestedKey, List<DependencyHealth> out) {
        for (Map.Entry<String, JsonElement> m : members.entrySet()) {
            if (!m.getValue().isJsonObject()) {
                continue;
            }
            JsonObject dep = m.getValue().getAsJsonObject();
            Optional<String> status = text(dep, "status");
            if (status.isEmpty()) {
                continue;
            }
            String name = prefix + m.getKey();
            if (dep.has(nestedKey) && dep.get(nestedKey).isJsonObject() && hasStatuses(dep.getAsJsonObject(nestedKey))) {
                collect(name + "/", dep.getAsJsonObject(nestedKey), nestedKey, out);
            } else {
                out.add(new DependencyHealth(name, status.get(), error(dep)));
            }
        }
    }

    private static boolean hasStatuses(JsonObject o) {
        return o.entrySet().stream().anyMatch(e -> e.getValue().isJsonObject() && text(e.getValue().getAsJsonObject(), "status").isPresent());
    }

    /** A short error text, only for a dependency that is not up: "error" at the top or under details. */
    private static Optional<String> error(JsonObject dep) {
        Optional<String> status = text(dep, "status");
        if (status.isEmpty() || new DependencyHealth("", status.get(), Optional.empty()).up()) {
            return Optional.empty();
        }
        Optional<String> e = text(dep, "error");
        if (e.isEmpty() && dep.has("details") && dep.get("details").isJsonObject()) {
            e = text(dep.getAsJsonObject("details"), "error");
        }
        if (e.isEmpty() && dep.has("data") && dep.get("data").isJsonObject()) {
            e = text(dep.getAsJsonObject("data"), "error");
        }
        return e.map(HealthBodies::shorten);
    }

    /** At most MAX_DETAIL characters, cut at a space (never mid-word), marked with "…". */
    static String shorten(String s) {
        if (s.length() <= MAX_DETAIL) {
            return s;
        }
        int cut = s.lastIndexOf(' ', MAX_DETAIL);
        return s.substring(0, cut > MAX_DETAIL / 2 ? cut : MAX_DETAIL).stripTrailing() + " …";
    }

    private static Optional<String> text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
    }
}
