package dev.flightdeck.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Which files of MICRONAUT_CONFIG_FILES hold the team config. */
public final class TeamConfigFiles {
    private TeamConfigFiles() {
    }

    /**
     * The YAML (and JSON, a subset of YAML) files of a comma-separated {@code micronaut.config.files} value, in order.
     * Other formats (.properties, .toml) are Micronaut's alone. A {@code file:} prefix, which Micronaut accepts, is
     * dropped.
     */
    public static List<Path> yamlFiles(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.startsWith("file:") ? s.substring("file:".length()) : s)
                .filter(TeamConfigFiles::isYaml)
                .map(Path::of)
                .toList();
    }

    /**
     * The files Micronaut itself will load, from the system property or MICRONAUT_CONFIG_FILES, for use before the
     * context starts (Micronaut's own YAML loader reports a syntax error without naming the file).
     */
    public static List<Path> fromProcess() {
        String setting = System.getProperty(TeamConfigFactory.CONFIG_FILES_PROPERTY);
        return yamlFiles(setting != null ? setting : System.getenv(TeamConfigFactory.CONFIG_FILES_ENV));
    }

    static boolean isYaml(String file) {
        String f = file.toLowerCase(Locale.ROOT);
        return f.endsWith(".yml") || f.endsWith(".yaml") || f.endsWith(".json");
    }
}
