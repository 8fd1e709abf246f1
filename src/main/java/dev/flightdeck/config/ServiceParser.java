package dev.flightdeck.config;

import dev.flightdeck.text.Closest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static dev.flightdeck.config.ErrorSink.show;
import dev.flightdeck.alarms.AlarmSelector;
import dev.flightdeck.envconfig.ConfigRules;
import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.envconfig.EnvTemplates;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.team.ServiceConfig;

/** flightdeck.services.NAME: build backend, config sources and rules, alarm selector, health URLs. */
final class ServiceParser {
    static final Set<String> KEYS = Set.of("build", "config", "alarms", "health");

    private ServiceParser() {
    }

    /** environments are the names under flightdeck.environments; health and patterns are checked against them. */
    static Optional<ServiceConfig> parse(String name, Section s, Set<String> environments) {
        int before = s.errors().count();
        s.allowOnly(KEYS);
        Optional<BuildBackendConfig> build = BuildBackendParser.parse(s);
        EnvConfigSettings config = s.section("config").map(c -> config(c, environments)).orElse(EnvConfigSettings.NONE);
        Optional<AlarmSelector> alarms = s.section("alarms").flatMap(ServiceParser::alarms);
        Map<String, URI> health = s.section("health").map(h -> health(h, environments)).orElse(Map.of());
        if (s.errors().count() > before || build.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServiceConfig(name, build.get(), config, alarms, health));
    }

    private static EnvConfigSettings config(Section c, Set<String> environments) {
        c.allowOnly(Set.of("ssm-path", "secrets", "rules"));
        Optional<String> ssmPath = c.string("ssm-path");
        ssmPath.ifPresent(p -> {
            BuildBackendParser.checkPlaceholders(c, "ssm-path", p);
            if (!p.startsWith("/")) {
                c.error("ssm-path", "must start with / (an SSM Parameter Store path), got " + show(p));
            }
        });
        List<String> secrets = c.stringList("secrets").orElse(List.of());
        secrets.forEach(secret -> BuildBackendParser.checkPlaceholders(c, "secrets", secret));
        ConfigRules rules = c.section("rules").map(r -> rules(r, environments)).orElse(ConfigRules.NONE);
        return new EnvConfigSettings(ssmPath, secrets, rules);
    }

    private static ConfigRules rules(Section r, Set<String> environments) {
        r.allowOnly(Set.of("required", "patterns", "differ-across-environments", "unique-across-services"));
        Map<String, String> patterns = new LinkedHashMap<>();
        r.section("patterns").ifPresent(p -> {
            for (String key : p.keys()) {
                p.string(key).ifPresent(regex -> {
                    if (compiles(p, key, regex, environments)) {
                        patterns.put(key, regex);
                    }
                });
            }
        });
        return new ConfigRules(r.stringList("required").orElse(List.of()), patterns,
                r.stringList("differ-across-environments").orElse(List.of()),
                r.stringList("unique-across-services").orElse(List.of()));
    }

    /** Patterns are compiled per environment at use time, so try each one now rather than at the first deploy. */
    private static boolean compiles(Section p, String key, String regex, Set<String> environments) {
        for (String env : environments.isEmpty() ? Set.of("env") : environments) {
            try {
                Pattern.compile(EnvTemplates.forEnv(regex, env));
            } catch (PatternSyntaxException e) {
                p.error(key, "invalid regex: " + e.getDescription()
                        + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "") + " in " + show(regex));
                return false;
            }
        }
        return true;
    }

    private static Optional<AlarmSelector> alarms(Section a) {
        a.allowOnly(Set.of("prefix", "tag"));
        boolean hasPrefix = a.has("prefix");
        boolean hasTag = a.has("tag");
        if (hasPrefix == hasTag) {
            a.error(null, "exactly one of prefix or tag, got " + (hasPrefix ? "both" : "neither"));
            return Optional.empty();
        }
        if (hasPrefix) {
            return Optional.of(BuildBackendParser.template(a, "prefix", true)).map(AlarmSelector.Prefix::new);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        a.section("tag").ifPresent(t -> {
            for (String key : t.keys()) {
                t.string(key).ifPresent(v -> {
                    BuildBackendParser.checkPlaceholders(t, key, v);
                    tags.put(key, v);
                });
                if (!t.has(key)) {
                    t.error(key, "needs a value");
                }
            }
            if (t.keys().isEmpty()) {
                a.error("tag", "needs at least one tag, e.g. { service: commons }");
            }
        });
        return tags.isEmpty() ? Optional.empty() : Optional.of(new AlarmSelector.Tags(tags));
    }

    private static Map<String, URI> health(Section h, Set<String> environments) {
        Map<String, URI> urls = new LinkedHashMap<>();
        for (String env : new ArrayList<>(h.keys())) {
            if (!environments.contains(env)) {
                String hint = Closest.suggestion(env, environments).map(e -> "; did you mean \"" + e + "\"?")
                        .orElse(environments.isEmpty() ? "; none are defined"
                                : "; environments are " + String.join(", ", environments));
                h.error(env, "no environment \"" + env + "\" in flightdeck.environments" + hint);
            }
            Optional<String> text = h.string(env);
            if (!h.has(env)) {
                h.error(env, "needs the deep health URL");
            }
            text.ifPresent(t -> BuildBackendParser.httpUrl(t).ifPresentOrElse(u -> urls.put(env, u),
                    () -> h.error(env, "must be an http:// or https:// URL, got " + show(t))));
        }
        return urls;
    }
}
