package dev.flightdeck.envconfig;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service's configuration in one environment, from all its sources, by key (sorted). When two sources define
 * the same key, the later source wins (Secrets Manager over SSM, as most loaders apply them) and the clash is
 * listed in {@link #problems()}.
 */
public record ConfigSnapshot(String service, String env, Map<String, ConfigEntry> entries, List<String> problems) {

    public ConfigSnapshot {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        problems = List.copyOf(problems);
    }

    public Optional<ConfigEntry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public int size() {
        return entries.size();
    }

    public long secretCount() {
        return entries.values().stream().filter(ConfigEntry::isSecret).count();
    }
}
