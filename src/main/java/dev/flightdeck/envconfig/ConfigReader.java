package dev.flightdeck.envconfig;

import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a service's configuration in one environment from every {@link ConfigSource}. */
@Singleton
public class ConfigReader {

    private final TeamConfig team;
    private final List<ConfigSource> sources;

    public ConfigReader(TeamConfig team, List<ConfigSource> sources) {
        this.team = team;
        this.sources = sources.stream()
                .sorted(java.util.Comparator.comparingInt(ConfigSource::precedence)).toList();
    }

    /** @throws ConfigSourceException when a source can't be read */
    public ConfigSnapshot read(String service, String env) {
        ServiceConfig config = team.service(service)
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + service));
        Map<String, ConfigEntry> byKey = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (ConfigSource source : sources) {
            SourceRead read = source.read(service, env, config.config());
            problems.addAll(read.problems());
            for (ConfigEntry entry : read.entries()) {
                ConfigEntry before = byKey.put(entry.key(), entry);
                if (before != null) {
                    problems.add(entry.key() + " is set in both " + before.source() + " and " + entry.source()
                            + "; showing " + entry.source());
                }
            }
        }
        return new ConfigSnapshot(service, env, byKey, problems);
    }

    /** Whether the team config says where this service's configuration lives at all. */
    public boolean hasSources(String service) {
        return team.service(service)
                .map(s -> s.config().ssmPath().isPresent() || !s.config().secrets().isEmpty())
                .orElse(false);
    }
}
