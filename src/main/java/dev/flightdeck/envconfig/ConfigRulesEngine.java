package dev.flightdeck.envconfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.flightdeck.envconfig.RuleResult.Rule.DIFFER_ACROSS_ENVIRONMENTS;
import static dev.flightdeck.envconfig.RuleResult.Rule.NAMES_OTHER_ENVIRONMENT;
import static dev.flightdeck.envconfig.RuleResult.Rule.PATTERN;
import static dev.flightdeck.envconfig.RuleResult.Rule.REQUIRED;
import static dev.flightdeck.envconfig.RuleResult.Rule.UNIQUE_ACROSS_SERVICES;

/**
 * Applies a service's {@link ConfigRules} to its configuration in one environment, plus the
 * built-in warning for plain values naming another environment. Pure: the snapshots of the service's other
 * environments and of other services in this environment are handed in ({@link Others}). It returns findings as
 * data; the Slack answer and the deploy gate put them into words.
 */
public final class ConfigRulesEngine {

    /** A snapshot that could not be read is given as the reason instead. */
    public record Others(Map<String, Optional<ConfigSnapshot>> otherEnvironments,
                         Map<String, Optional<ConfigSnapshot>> otherServices,
                         Map<String, String> unreadable) {
    }

    private ConfigRulesEngine() {
    }

    public static List<RuleResult> apply(ConfigRules rules, ConfigSnapshot snapshot, Collection<String> environments,
                                         Others others) {
        List<RuleResult> results = new ArrayList<>();
        String env = snapshot.env();
        for (String key : rules.required()) {
            results.add(snapshot.entry(key).isPresent()
                    ? RuleResult.pass(REQUIRED, key, new RuleFinding.Present())
                    : RuleResult.fail(REQUIRED, key, new RuleFinding.Missing(env)));
        }
        for (String key : rules.patterns().keySet()) {
            results.add(pattern(rules, key, snapshot));
        }
        for (String key : rules.differAcrossEnvironments()) {
            results.add(differ(key, snapshot, others));
        }
        for (String key : rules.uniqueAcrossServices()) {
            results.add(unique(key, snapshot, others));
        }
        for (ConfigEntry entry : snapshot.entries().values()) {
            SuspiciousValues.namesOtherEnvironment(entry, env, environments).ifPresent(named ->
                    results.add(new RuleResult(NAMES_OTHER_ENVIRONMENT, entry.key(), RuleResult.Outcome.WARN,
                            new RuleFinding.NamesOtherEnvironment(env, named, entry.plainValue().orElseThrow()))));
        }
        return results;
    }

    private static RuleResult pattern(ConfigRules rules, String key, ConfigSnapshot snapshot) {
        String env = snapshot.env();
        Optional<ConfigEntry> entry = snapshot.entry(key);
        String shown = rules.patternFor(key, env).map(p -> p.pattern()).orElse("");
        if (entry.isEmpty()) {
            return RuleResult.pass(PATTERN, key, new RuleFinding.NothingToMatch());
        }
        if (entry.get().isSecret()) {
            return new RuleResult(PATTERN, key, RuleResult.Outcome.WARN, new RuleFinding.SecretNotMatched(shown));
        }
        String value = entry.get().plainValue().orElseThrow();
        return rules.valueMatches(key, env, value)
                ? RuleResult.pass(PATTERN, key, new RuleFinding.Matches(shown))
                : RuleResult.fail(PATTERN, key, new RuleFinding.DoesNotMatch(env, value, shown));
    }

    private static RuleResult differ(String key, ConfigSnapshot snapshot, Others others) {
        Optional<ConfigEntry> entry = snapshot.entry(key);
        if (entry.isEmpty()) {
            return RuleResult.pass(DIFFER_ACROSS_ENVIRONMENTS, key, new RuleFinding.NotSet());
        }
        List<String> same = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        others.otherEnvironments().forEach((env, other) -> {
            if (other.isEmpty()) {
                unknown.add(env);
            } else if (other.get().entry(key).filter(o -> o.sameValueAs(entry.get())).isPresent()) {
                same.add(env);
            }
        });
        if (!same.isEmpty()) {
            return RuleResult.fail(DIFFER_ACROSS_ENVIRONMENTS, key,
                    new RuleFinding.SameAsInEnvironments(snapshot.env(), same));
        }
        if (!unknown.isEmpty()) {
            return new RuleResult(DIFFER_ACROSS_ENVIRONMENTS, key, RuleResult.Outcome.UNKNOWN, unreadable(unknown, others));
        }
        return RuleResult.pass(DIFFER_ACROSS_ENVIRONMENTS, key, new RuleFinding.DiffersFromEveryEnvironment());
    }

    private static RuleResult unique(String key, ConfigSnapshot snapshot, Others others) {
        Optional<ConfigEntry> entry = snapshot.entry(key);
        if (entry.isEmpty()) {
            return RuleResult.pass(UNIQUE_ACROSS_SERVICES, key, new RuleFinding.NotSet());
        }
        List<RuleFinding.ServiceKey> clashes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        // Any key of another service counts, not just one of the same name: two consumers on one queue is the
        // outage whatever each service calls the setting.
        others.otherServices().forEach((service, other) -> {
            if (other.isEmpty()) {
                unknown.add(service);
                return;
            }
            other.get().entries().values().stream().filter(o -> o.sameValueAs(entry.get()))
                    .forEach(o -> clashes.add(new RuleFinding.ServiceKey(service, o.key())));
        });
        if (!clashes.isEmpty()) {
            return RuleResult.fail(UNIQUE_ACROSS_SERVICES, key, new RuleFinding.SameAsOtherServices(snapshot.env(), clashes));
        }
        if (!unknown.isEmpty()) {
            return new RuleResult(UNIQUE_ACROSS_SERVICES, key, RuleResult.Outcome.UNKNOWN, unreadable(unknown, others));
        }
        return RuleResult.pass(UNIQUE_ACROSS_SERVICES, key, new RuleFinding.UniqueAmongServices(snapshot.env()));
    }

    private static RuleFinding unreadable(List<String> names, Others others) {
        List<RuleFinding.Unreadable> parts = new ArrayList<>();
        for (String name : names) {
            parts.add(new RuleFinding.Unreadable(name, others.unreadable().getOrDefault(name, "not readable")));
        }
        return new RuleFinding.CouldNotCompare(parts);
    }
}
