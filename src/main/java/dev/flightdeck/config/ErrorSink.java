package dev.flightdeck.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects every error of a parse, each attributed to the file that set the key (several files may be merged). */
final class ErrorSink {
    private final String defaultFile;
    private final Map<String, String> origins;
    private final List<ConfigError> errors = new ArrayList<>();

    /** origins maps key paths to the file that last set them; a path not in it takes its nearest parent's file. */
    ErrorSink(String defaultFile, Map<String, String> origins) {
        this.defaultFile = defaultFile;
        this.origins = origins;
    }

    void add(String path, String message) {
        errors.add(new ConfigError(fileOf(path), path, message));
    }

    int count() {
        return errors.size();
    }

    List<ConfigError> errors() {
        return List.copyOf(errors);
    }

    private String fileOf(String path) {
        String p = path;
        while (!p.isEmpty()) {
            String file = origins.get(p);
            if (file != null) {
                return file;
            }
            // List items (approvers[1]) take the file of their list.
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return defaultFile;
    }

    /** How a wrong value is quoted in a message: strings in quotes, containers by kind. */
    static String show(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return String.valueOf(value);
    }
}
