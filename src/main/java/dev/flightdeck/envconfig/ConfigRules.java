package dev.flightdeck.envconfig;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A service's configuration rules, from the team file. {@code patterns} holds the regex as written, with {env}
 * unreplaced; the parser has already checked that it compiles for every environment.
 */
public record ConfigRules(List<String> required,
                          Map<String, String> patterns,
                          List<String> differAcrossEnvironments,
                          List<String> uniqueAcrossServices) {

    public static final ConfigRules NONE = new ConfigRules(List.of(), Map.of(), List.of(), List.of());

    public ConfigRules {
        required = List.copyOf(required);
        patterns = Collections.unmodifiableMap(new LinkedHashMap<>(patterns));
        differAcrossEnvironments = List.copyOf(differAcrossEnvironments);
        uniqueAcrossServices = List.copyOf(uniqueAcrossServices);
    }

    /** The value pattern for a key in one environment, {env} replaced. */
    public Optional<Pattern> patternFor(String key, String env) {
        String template = patterns.get(key);
        return template == null ? Optional.empty() : Optional.of(Pattern.compile(EnvTemplates.forEnv(template, env)));
    }

    /**
     * Whether a value passes the key's pattern in that environment (true when the key has none). Uses find(), so a
     * pattern is anchored only where the team writes ^ and $: {@code -prod$} means "ends in -prod".
     */
    public boolean valueMatches(String key, String env, String value) {
        return patternFor(key, env).map(p -> p.matcher(value).find()).orElse(true);
    }

    public boolean isEmpty() {
        return required.isEmpty() && patterns.isEmpty() && differAcrossEnvironments.isEmpty()
                && uniqueAcrossServices.isEmpty();
    }
}
