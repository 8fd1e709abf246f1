package dev.flightdeck.config;

import dev.flightdeck.text.Closest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.health.HealthChecksConfig;
import dev.flightdeck.incident.IncidentsConfig;
import dev.flightdeck.metrics.MetricsConfig;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.team.WebhooksConfig;

/**
 * Reads the {@code flightdeck:} section of the team's config file(s) into a {@link TeamConfig}, collecting every
 * error with its file and key path. Other top-level keys (micronaut:, datasources: …) belong to Micronaut and are
 * left alone.
 * <p>
 * Several files are merged as Micronaut layers MICRONAUT_CONFIG_FILES: a later file wins per key, maps merge key by
 * key, lists are replaced whole. So a shared base file can define services and a per-cluster file can override one
 * environment's approvals.
 */
public final class TeamConfigParser {
    public static final String ROOT = "flightdeck";
    private static final Set<String> SECTIONS = new LinkedHashSet<>(List.of("environments", "services", "incidents",
            "webhooks", "metrics", "health", "people", "config-watch", "slots", "flags"));
    // Names are typed in commands (/deploy commons 1.2 to prod), so keep them plain.
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    /** A file's name (as it appears in errors) and its text. */
    public record Source(String name, String text) {
    }

    private TeamConfigParser() {
    }

    /** One already-parsed YAML document (a Map, or null for an empty file). */
    public static ParseResult parse(String fileName, Object yaml) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, String> origins = new HashMap<>();
        if (yaml != null && !(yaml instanceof Map<?, ?>)) {
            return new ParseResult.Invalid(List.of(new ConfigError(fileName, "",
                    "must be a YAML map with a flightdeck: section, got " + ErrorSink.show(yaml))));
        }
        if (yaml != null) {
            YamlDocuments.merge(root, (Map<?, ?>) yaml, "", fileName, origins);
        }
        return bind(root, new ErrorSink(fileName, origins), List.of());
    }

    public static ParseResult parseText(String fileName, String text) {
        return parseSources(List.of(new Source(fileName, text)));
    }

    /** Reads and merges the files in order; a missing or unreadable file is an error like any other. */
    public static ParseResult parseFiles(List<Path> files) {
        List<Source> sources = new ArrayList<>();
        List<ConfigError> readErrors = new ArrayList<>();
        for (Path file : files) {
            try {
                sources.add(new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                String why = Files.exists(file) ? "cannot be read (" + e.getClass().getSimpleName() + ")"
                        : "file not found";
                readErrors.add(new ConfigError(file.toString(), "", why));
            }
        }
        ParseResult result = parseSources(sources);
        if (readErrors.isEmpty()) {
            return result;
        }
        List<ConfigError> all = new ArrayList<>(readErrors);
        if (result instanceof ParseResult.Invalid invalid) {
            all.addAll(invalid.errors());
        }
        return new ParseResult.Invalid(all);
    }

    /**
     * Every key path the files set (dotted, e.g. {@code micronaut.server.port}; a key written flat with dots counts the
     * same), for start-up code that must know whether the files set something Micronaut will read. Unreadable files
     * and syntax errors add nothing here: {@link #parseFiles} reports those.
     */
    public static Set<String> keyPaths(List<Path> files) {
        Map<String, String> origins = new HashMap<>();
        for (Path file : files) {
            try {
                Optional<Object> doc = YamlDocuments.load(file.toString(), Files.readString(file, StandardCharsets.UTF_8),
                        new ArrayList<>());
                if (doc.isPresent() && doc.get() instanceof Map<?, ?> map) {
                    YamlDocuments.merge(new LinkedHashMap<>(), map, "", file.toString(), origins);
                }
            } catch (IOException e) {
                // parseFiles names it
            }
        }
        return origins.keySet();
    }

    public static ParseResult parseSources(List<Source> sources) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, String> origins = new HashMap<>();
        List<ConfigError> syntaxErrors = new ArrayList<>();
        for (Source source : sources) {
            Optional<Object> doc = YamlDocuments.load(source.name(), source.text(), syntaxErrors);
            if (doc.isPresent() && doc.get() instanceof Map<?, ?> map) {
                YamlDocuments.merge(root, map, "", source.name(), origins);
            } else if (doc.isPresent()) {
                syntaxErrors.add(new ConfigError(source.name(), "",
                        "must be a YAML map with a flightdeck: section, got " + ErrorSink.show(doc.get())));
            }
        }
        String defaultFile = sources.isEmpty() ? "(no file)" : sources.get(sources.size() - 1).name();
        return bind(root, new ErrorSink(defaultFile, origins), syntaxErrors);
    }

    private static ParseResult bind(Map<String, Object> root, ErrorSink errors, List<ConfigError> earlier) {
        checkTopLevel(root, errors);
        TeamConfig config = Section.of(root.get(ROOT), ROOT, errors).map(TeamConfigParser::team).orElse(null);
        List<ConfigError> all = new ArrayList<>(earlier);
        all.addAll(errors.errors());
        return all.isEmpty() ? new ParseResult.Valid(config) : new ParseResult.Invalid(all);
    }

    /** The file is also Micronaut's, so unrelated top-level keys are fine; flightdeck keys out of place are not. */
    private static void checkTopLevel(Map<String, Object> root, ErrorSink errors) {
        for (String key : root.keySet()) {
            if (SECTIONS.contains(key)) {
                errors.add(key, "belongs under flightdeck: (write flightdeck." + key + ")");
            } else if (!key.equals(ROOT) && Closest.distanceWithoutSwaps(key.toLowerCase(), ROOT) <= 2) {
                errors.add(key, "unknown key; did you mean \"" + ROOT + "\"?");
            }
        }
    }

    private static TeamConfig team(Section fd) {
        fd.allowOnly(SECTIONS);
        Map<String, EnvironmentConfig> environments = new LinkedHashMap<>();
        Set<String> envNames = new LinkedHashSet<>();
        fd.section("environments").ifPresent(envs -> {
            envNames.addAll(envs.keys());
            for (String name : envs.keys()) {
                checkName(envs, name, "environment");
                Section.of(envs.raw(name), envs.child(name), envs.errors())
                        .flatMap(s -> EnvironmentParser.parse(name, s, envs.keys()))
                        .ifPresent(e -> environments.put(name, e));
            }
        });
        Map<String, List<String>> slots = fd.section("slots").map(s -> SlotsParser.slots(s, envNames))
                .orElse(Map.of());
        inheritSlots(environments, envNames, slots);
        Map<String, ServiceConfig> services = new LinkedHashMap<>();
        fd.section("services").ifPresent(svcs -> {
            for (String name : svcs.keys()) {
                checkName(svcs, name, "service");
                Section.of(svcs.raw(name), svcs.child(name), svcs.errors())
                        .flatMap(s -> ServiceParser.parse(name, s, envNames))
                        .ifPresent(s -> services.put(name, s));
            }
        });
        IncidentsConfig incidents = fd.section("incidents").map(IncidentsParser::incidents)
                .orElse(IncidentsConfig.defaults());
        WebhooksConfig webhooks = fd.section("webhooks").map(IncidentsParser::webhooks).orElse(WebhooksConfig.NONE);
        MetricsConfig metrics = fd.section("metrics").map(m -> MetricsParser.metrics(m, envNames))
                .orElse(MetricsConfig.DEFAULTS);
        HealthChecksConfig health = fd.section("health").map(TeamConfigParser::health).orElse(HealthChecksConfig.DEFAULTS);
        Map<String, String> people = fd.section("people").map(TeamConfigParser::people).orElse(Map.of());
        Duration configWatch = fd.duration("config-watch").orElse(TeamConfig.DEFAULT_CONFIG_WATCH);
        if (configWatch.compareTo(Duration.ofMinutes(1)) < 0) {
            fd.error("config-watch", "must be at least 1m: each scan reads every changeable service's configuration");
        }
        var flags = fd.section("flags").flatMap(FlagsParser::flags);
        return new TeamConfig(environments, services, incidents, webhooks, metrics, health, people, configWatch,
                slots, flags);
    }

    /**
     * Each slot is an environment: one declared under {@code environments:} keeps its own settings, one that is not
     * gets its pool's settings under its own name (so {@code {env}} in a service's build, config and alarms is the
     * slot's name). Inherited slots follow their pool in the map's order; every slot name becomes a known
     * environment for the sections read after this (services' health, checklists…).
     */
    private static void inheritSlots(Map<String, EnvironmentConfig> environments, Set<String> envNames,
                                     Map<String, List<String>> slots) {
        if (slots.isEmpty()) {
            return;
        }
        Map<String, EnvironmentConfig> ordered = new LinkedHashMap<>();
        environments.forEach((name, env) -> {
            ordered.put(name, env);
            for (String slot : slots.getOrDefault(name, List.of())) {
                if (!envNames.contains(slot)) {
                    ordered.put(slot, env.named(slot));
                }
            }
        });
        environments.clear();
        environments.putAll(ordered);
        slots.values().forEach(envNames::addAll);
    }

    /** {@code people: { octocat: U0DEV }}: a GitHub login (or e-mail) and the Slack user it is. */
    private static Map<String, String> people(Section s) {
        Map<String, String> people = new LinkedHashMap<>();
        for (String key : new ArrayList<>(s.keys())) {
            Optional<String> id = s.string(key);
            if (id.isEmpty() || !id.get().matches("[UW][A-Z0-9]{2,}")) {
                s.error(key, "must be a Slack user id like U0123, got " + ErrorSink.show(s.raw(key)));
            } else {
                people.put(key, id.get());
            }
        }
        return people;
    }

    private static void checkName(Section parent, String name, String what) {
        if (!NAME.matcher(name).matches()) {
            parent.error(name, what + " names are lowercase letters, digits, - and _ (they are typed in commands), got \""
                    + name + "\"");
        }
    }

    private static HealthChecksConfig health(Section s) {
        s.allowOnly(java.util.Set.of("allow-shared-address-space"));
        return new HealthChecksConfig(s.bool("allow-shared-address-space").orElse(false));
    }
}
