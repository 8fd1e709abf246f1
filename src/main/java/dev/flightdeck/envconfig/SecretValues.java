package dev.flightdeck.envconfig;

import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The values Flightdeck knows as a service's secrets, read from every {@link ConfigSource} for one use: masking text
 * before it leaves the process. Nothing here keeps them; the list returned lives as long as its caller's call.
 */
@Singleton
public class SecretValues {

    private final TeamConfig team;
    private final List<ConfigSource> sources;

    public SecretValues(TeamConfig team, List<ConfigSource> sources) {
        this.team = team;
        this.sources = List.copyOf(sources);
    }

    /**
     * The secret values of {@code service} in each of {@code environments}; none for a service whose team file names
     * no config stores.
     *
     * @throws ConfigSourceException when a store can't be read (masking would then be incomplete)
     */
    public List<String> of(String service, Collection<String> environments) {
        ServiceConfig config = team.service(service).orElse(null);
        if (config == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String env : environments) {
            for (ConfigSource source : sources) {
                values.addAll(source.secretValues(service, env, config.config()));
            }
        }
        return values;
    }
}
