package dev.flightdeck.team;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import dev.flightdeck.alarms.AlarmSelector;
import dev.flightdeck.envconfig.EnvConfigSettings;

/** One deployable service. {@code health} maps environment name to the deep health URL there. */
public record ServiceConfig(String name,
                            BuildBackendConfig build,
                            EnvConfigSettings config,
                            Optional<AlarmSelector> alarms,
                            Map<String, URI> health) {

    public ServiceConfig {
        health = Collections.unmodifiableMap(new LinkedHashMap<>(health));
    }

    /** The build backend with {env} replaced, e.g. the Jenkins job {@code commons-prod-server}. */
    public BuildBackendConfig buildFor(String env) {
        return build.forEnv(env);
    }

    public Optional<AlarmSelector> alarmsFor(String env) {
        return alarms.map(a -> a.forEnv(env));
    }

    public Optional<URI> healthUrl(String env) {
        return Optional.ofNullable(health.get(env));
    }
}
