package dev.flightdeck.config;

import dev.flightdeck.text.Closest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.flightdeck.config.ErrorSink.show;
import dev.flightdeck.text.Durations;

/**
 * A YAML mapping at a key path, with typed getters that report what is wrong (with the path) and return empty
 * instead of stopping, so one parse finds every error. A key set to nothing ({@code key:}) counts as absent.
 */
public final class Section {
    final String path;
    private final Map<String, Object> map;
    private final ErrorSink errors;

    private Section(String path, Map<String, Object> map, ErrorSink errors) {
        this.path = path;
        this.map = map;
        this.errors = errors;
    }

    /** Empty (and an error) when the value is not a mapping; an empty section when it is absent. */
    static Optional<Section> of(Object value, String path, ErrorSink errors) {
        if (value == null) {
            return Optional.of(new Section(path, Map.of(), errors));
        }
        if (!(value instanceof Map<?, ?> m)) {
            errors.add(path, "must be a map of keys, got " + show(value));
            return Optional.empty();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return Optional.of(new Section(path, copy, errors));
    }

    /** Reports every key not in {@code known}, suggesting the closest known one. */
    public Section allowOnly(Set<String> known) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                String hint = Closest.suggestion(key, known).map(s -> "did you mean \"" + s + "\"?")
                        .orElse("known keys: " + String.join(", ", known));
                errors.add(child(key), "unknown key; " + hint);
            }
        }
        return this;
    }

    String child(String key) {
        return path + "." + key;
    }

    void error(String key, String message) {
        errors.add(key == null ? path : child(key), message);
    }

    ErrorSink errors() {
        return errors;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    /** The key is written with no value, e.g. {@code channel: #deploys}, where YAML reads "#deploys" as a comment. */
    boolean setToNothing(String key) {
        return map.containsKey(key) && map.get(key) == null;
    }

    Object raw(String key) {
        return map.get(key);
    }

    Set<String> keys() {
        return map.keySet();
    }

    Optional<Section> section(String key) {
        return has(key) ? of(map.get(key), child(key), errors) : Optional.empty();
    }

    Optional<String> string(String key) {
        Object v = map.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            if (s.isBlank()) {
                error(key, "must not be empty");
                return Optional.empty();
            }
            return Optional.of(s.trim());
        }
        if (v instanceof Number n) {
            return Optional.of(n.toString());
        }
        error(key, "must be a text value, got " + show(v));
        return Optional.empty();
    }

    Optional<String> requiredString(String key) {
        if (!has(key)) {
            error(key, "is required");
            return Optional.empty();
        }
        return string(key);
    }

    Optional<Integer> wholeNumber(String key, int min) {
        Object v = map.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Integer i && i >= min) {
            return Optional.of(i);
        }
        error(key, "must be a whole number >= " + min + ", got " + show(v));
        return Optional.empty();
    }

    public Optional<Boolean> bool(String key) {
        Object v = map.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        error(key, "must be true or false, got " + show(v));
        return Optional.empty();
    }

    Optional<Duration> duration(String key) {
        Object v = map.get(key);
        if (v == null) {
            return Optional.empty();
        }
        Optional<Duration> d = v instanceof String s ? Durations.parse(s) : Optional.empty();
        if (d.isEmpty()) {
            error(key, "must be a duration like 30s, 15m, 4h or 2d, got " + show(v));
        }
        return d;
    }

    /** A list of text values; a single text value counts as a list of one. */
    Optional<List<String>> stringList(String key) {
        Object v = map.get(key);
        if (v == null) {
            return Optional.empty();
        }
        List<?> items = v instanceof List<?> l ? l : List.of(v);
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof String s && !s.isBlank()) {
                out.add(s.trim());
            } else if (item instanceof Number n) {
                out.add(n.toString());
            } else {
                errors.add(child(key) + "[" + i + "]", "must be a text value, got " + show(item));
                ok = false;
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }
}
