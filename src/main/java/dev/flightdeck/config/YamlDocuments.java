package dev.flightdeck.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads YAML text safely and merges several files' trees the way Micronaut layers config files. */
final class YamlDocuments {
    private YamlDocuments() {
    }

    /**
     * The parsed document (null for an empty file), or empty with the syntax error added to {@code errors}.
     * Duplicate keys are errors: silently keeping the last one hides mistakes in a reviewed file.
     */
    static Optional<Object> load(String file, String text, List<ConfigError> errors) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            Object doc = new Yaml(new SafeConstructor(options)).load(text);
            return Optional.ofNullable(doc).or(() -> Optional.of(Map.of()));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (problem.contains("<block")) {
                // SnakeYAML's wording for a mis-indented key; say it in the team's terms.
                problem = problem + " (check the indentation of this line)";
            }
            errors.add(new ConfigError(file, "", where + "YAML syntax error: " + problem));
        } catch (YAMLException e) {
            errors.add(new ConfigError(file, "", "YAML syntax error: " + e.getMessage()));
        }
        return Optional.empty();
    }

    /**
     * Merges {@code from} into {@code into}: maps merge key by key, anything else (text, numbers, lists) is replaced
     * by the later file, as with Micronaut's own property sources. Records in {@code origins} which file set each
     * key path, so errors name the file the team has to edit.
     */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> into, Map<?, ?> from, String path, String file, Map<String, String> origins) {
        for (var entry : from.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String childPath = path.isEmpty() ? key : path + "." + key;
            Object value = entry.getValue();
            Object existing = into.get(key);
            if (value instanceof Map<?, ?> fromMap && existing instanceof Map<?, ?>) {
                merge((Map<String, Object>) existing, fromMap, childPath, file, origins);
            } else if (value instanceof Map<?, ?> fromMap) {
                Map<String, Object> copy = new LinkedHashMap<>();
                merge(copy, fromMap, childPath, file, origins);
                into.put(key, copy);
            } else {
                into.put(key, value);
            }
            origins.putIfAbsent(childPath, file);
            if (!(value instanceof Map<?, ?>)) {
                origins.put(childPath, file);
            }
        }
    }
}
