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
import dev.flightdeck.envconfig.LogSettings;
import dev.flightdeck.alarms.SloSettings;
import dev.flightdeck.envconfig.EnvTemplates;
import dev.flightdeck.deploy.ChecklistLimits;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.team.OnRelease;
import dev.flightdeck.team.RepoRef;
import dev.flightdeck.team.ServiceConfig;

/** flightdeck.services.NAME: build backend, config sources and rules, alarm selector, health URLs, GitHub repository,
 *  release trigger and checklist. */
final class ServiceParser {
    static final Set<String> KEYS = Set.of("build", "config", "alarms", "health", "repo", "github-token-env",
            "on-release", "checklist", "runbook", "logs", "slo");
    private static final java.util.regex.Pattern USER_ID = java.util.regex.Pattern.compile("[UW][A-Z0-9]{2,}");

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
        Optional<RepoRef> repo = repo(s);
        Optional<OnRelease> onRelease = s.section("on-release").flatMap(r -> onRelease(r, environments));
        if (onRelease.isPresent() && repo.isEmpty()) {
            s.error("on-release", "needs repo: (the GitHub repository whose releases open deploy requests)");
        }
        List<String> checklist = new ArrayList<>();
        Map<String, List<String>> checklistByEnv = new LinkedHashMap<>();
        checklist(s, environments, checklist, checklistByEnv);
        Optional<URI> runbook = ObservabilityParser.runbook(s);
        Optional<LogSettings> logs = s.section("logs").flatMap(ObservabilityParser::logs);
        Optional<SloSettings> slo = s.section("slo").flatMap(ObservabilityParser::slo);
        if (s.errors().count() > before || build.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServiceConfig(name, build.get(), config, alarms, health, repo, onRelease, checklist,
                checklistByEnv, runbook, logs, slo));
    }

    private static Optional<RepoRef> repo(Section s) {
        Optional<String> text = s.string("repo");
        Optional<String> tokenEnv = s.string("github-token-env");
        if (tokenEnv.isPresent() && !tokenEnv.get().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            s.error("github-token-env", "must be the NAME of an environment variable (like GITHUB_TOKEN), got "
                    + show(tokenEnv.get()));
            return Optional.empty();
        }
        if (text.isEmpty()) {
            if (tokenEnv.isPresent()) {
                s.error("github-token-env", "is set but repo is not: name the GitHub repository, e.g. repo: acme/commons");
            }
            return Optional.empty();
        }
        String t = text.get().trim().replaceFirst("^https://github\\.com/", "").replaceFirst("\\.git$", "");
        if (!RepoRef.isFullName(t)) {
            s.error("repo", "must be a GitHub repository as owner/name (like acme/commons), got " + show(text.get()));
            return Optional.empty();
        }
        return Optional.of(new RepoRef(t, tokenEnv.orElse(RepoRef.DEFAULT_TOKEN_ENV)));
    }

    private static Optional<OnRelease> onRelease(Section r, Set<String> environments) {
        r.allowOnly(Set.of("environment", "runner"));
        Optional<String> env = r.string("environment");
        if (!r.has("environment")) {
            r.error("environment", "is required: the environment a published release is requested for");
        }
        env.filter(e -> !environments.contains(e)).ifPresent(e -> r.error("environment", unknownEnvironment(e, environments)));
        Optional<String> runner = r.string("runner");
        runner.filter(u -> !USER_ID.matcher(u).matches()).ifPresent(u -> r.error("runner",
                "must be a Slack user id like U0123 (the person who presses Start), got " + show(u)));
        if (env.isEmpty() || !environments.contains(env.get())
                || runner.map(u -> !USER_ID.matcher(u).matches()).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(new OnRelease(env.get(), runner));
    }

    /** {@code checklist: [..]} for every environment, or {@code checklist: { prod: [..] }} per environment. */
    private static void checklist(Section s, Set<String> environments, List<String> all, Map<String, List<String>> byEnv) {
        if (!s.has("checklist")) {
            return;
        }
        if (s.raw("checklist") instanceof Map<?, ?>) {
            s.section("checklist").ifPresent(c -> {
                for (String env : new ArrayList<>(c.keys())) {
                    if (!environments.contains(env)) {
                        c.error(env, unknownEnvironment(env, environments));
                    }
                    checklistItems(c, env).ifPresent(items -> byEnv.put(env, items));
                }
            });
            return;
        }
        checklistItems(s, "checklist").ifPresent(all::addAll);
    }

    /** Items are Slack checkbox options: at most 10, each at most 75 characters. */
    static Optional<List<String>> checklistItems(Section s, String key) {
        Optional<List<String>> items = s.stringList(key);
        if (items.isEmpty()) {
            if (s.has(key) && !(s.raw(key) instanceof List<?>)) {
                s.error(key, "must be a list of checklist items, e.g. [\"QA signed off on staging\"]");
            }
            return Optional.empty();
        }
        boolean ok = true;
        if (items.get().size() > ChecklistLimits.MAX_ITEMS) {
            s.error(key, "has " + items.get().size() + " items; a checklist holds at most " + ChecklistLimits.MAX_ITEMS);
            ok = false;
        }
        for (int i = 0; i < items.get().size(); i++) {
            String item = items.get().get(i).strip();
            if (item.length() > ChecklistLimits.MAX_ITEM_LENGTH) {
                s.error(key + "[" + i + "]", "is " + item.length() + " characters; an item is at most "
                        + ChecklistLimits.MAX_ITEM_LENGTH + " (Slack's limit for a checkbox)");
                ok = false;
            }
        }
        return ok ? Optional.of(items.get().stream().map(String::strip).toList()) : Optional.empty();
    }

    static String unknownEnvironment(String env, Set<String> environments) {
        String hint = Closest.suggestion(env, environments).map(e -> "; did you mean \"" + e + "\"?")
                .orElse(environments.isEmpty() ? "; none are defined"
                        : "; environments are " + String.join(", ", environments));
        return "no environment \"" + env + "\" in flightdeck.environments" + hint;
    }

    private static EnvConfigSettings config(Section c, Set<String> environments) {
        c.allowOnly(Set.of("ssm-path", "secrets", "rules", "changes", "kms-key"));
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
        boolean changes = c.bool("changes").orElse(false);
        if (changes && ssmPath.isEmpty() && secrets.isEmpty()) {
            c.error("changes", "needs ssm-path or secrets: there is nothing to change");
        }
        Optional<String> kmsKey = c.string("kms-key");
        kmsKey.ifPresent(k -> BuildBackendParser.checkPlaceholders(c, "kms-key", k));
        if (kmsKey.isPresent() && ssmPath.isEmpty()) {
            c.error("kms-key", "is the key SSM encrypts a changed SecureString with, so it needs ssm-path");
        }
        return new EnvConfigSettings(ssmPath, secrets, rules, changes, kmsKey);
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
                h.error(env, unknownEnvironment(env, environments));
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
