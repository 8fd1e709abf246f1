package dev.flightdeck.config;

import dev.flightdeck.deploy.flags.FlagsConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * flightdeck.flags: one provider, {@code launchdarkly: { project, token-env, environments, kill-switches }} or
 * {@code flagsmith: { token-env, environments, kill-switches }}. {@code kill-switches} lists flag keys the commander
 * of an open incident may flip without waiting for approval.
 */
final class FlagsParser {

    private FlagsParser() {
    }

    static Optional<FlagsConfig> flags(Section s) {
        s.allowOnly(Set.of("launchdarkly", "flagsmith"));
        if (s.has("launchdarkly") == s.has("flagsmith")) {
            s.error("launchdarkly", s.has("flagsmith") ? "name one flag provider: launchdarkly or flagsmith, not both"
                    : "is required (or flagsmith): the provider the flags live in");
            return Optional.empty();
        }
        if (s.has("launchdarkly")) {
            return s.section("launchdarkly").flatMap(ld -> {
                ld.allowOnly(Set.of("project", "token-env", "environments", "kill-switches"));
                Optional<String> project = ld.requiredString("project");
                Optional<String> token = BuildBackendParser.envVar(ld, "token-env", true);
                Map<String, String> envs = environments(ld);
                Set<String> kills = killSwitches(ld);
                return project.isPresent() && token.isPresent()
                        ? Optional.of(new FlagsConfig.LaunchDarkly(project.get(), token.get(), envs, kills))
                        : Optional.empty();
            });
        }
        return s.section("flagsmith").flatMap(fs -> {
            fs.allowOnly(Set.of("token-env", "environments", "kill-switches"));
            Optional<String> token = BuildBackendParser.envVar(fs, "token-env", true);
            Map<String, String> envs = environments(fs);
            Set<String> kills = killSwitches(fs);
            return token.map(t -> new FlagsConfig.Flagsmith(t, envs, kills));
        });
    }

    /** Flag keys as the providers allow them: letters, digits, '.', '_' and '-'. */
    private static Set<String> killSwitches(Section provider) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        provider.stringList("kill-switches").ifPresent(list -> {
            for (String key : list) {
                if (key.matches(FLAG_KEY)) {
                    keys.add(key);
                } else {
                    provider.error("kill-switches", "`" + key + "` is not a flag key (letters, digits, '.', '_', '-')");
                }
            }
        });
        return keys;
    }

    static final String FLAG_KEY = "[A-Za-z0-9._-]{1,200}";

    private static Map<String, String> environments(Section provider) {
        Map<String, String> envs = new LinkedHashMap<>();
        provider.section("environments").ifPresent(e -> {
            for (String name : e.keys()) {
                e.string(name).ifPresent(v -> envs.put(name, v));
            }
        });
        return envs;
    }
}
