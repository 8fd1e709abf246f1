package dev.flightdeck.team;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.flightdeck.alarms.AlarmSelector;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.envconfig.LogSettings;
import dev.flightdeck.alarms.SloSettings;

/**
 * One deployable service. {@code health} maps environment name to the deep health URL there. {@code repo} is its
 * GitHub repository (releases, what ships, CI status); {@code checklist} applies in every environment and
 * {@code checklistByEnv} in one; {@code runbook}, {@code logs} and {@code slo} are for alerts, log searches and
 * error budgets (DESIGN section 13).
 */
public record ServiceConfig(String name,
                            BuildBackendConfig build,
                            EnvConfigSettings config,
                            Optional<AlarmSelector> alarms,
                            Map<String, URI> health,
                            Optional<RepoRef> repo,
                            Optional<OnRelease> onRelease,
                            List<String> checklist,
                            Map<String, List<String>> checklistByEnv,
                            Optional<URI> runbook,
                            Optional<LogSettings> logs,
                            Optional<SloSettings> slo) {

    public ServiceConfig {
        health = Collections.unmodifiableMap(new LinkedHashMap<>(health));
        checklist = List.copyOf(checklist);
        Map<String, List<String>> byEnv = new LinkedHashMap<>();
        checklistByEnv.forEach((env, items) -> byEnv.put(env, List.copyOf(items)));
        checklistByEnv = Collections.unmodifiableMap(byEnv);
    }

    /** A service without runbook, logs or SLO. */
    public ServiceConfig(String name, BuildBackendConfig build, EnvConfigSettings config,
                         Optional<AlarmSelector> alarms, Map<String, URI> health, Optional<RepoRef> repo,
                         Optional<OnRelease> onRelease, List<String> checklist, Map<String, List<String>> checklistByEnv) {
        this(name, build, config, alarms, health, repo, onRelease, checklist, checklistByEnv, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** A service without a repository, release trigger or checklist. */
    public ServiceConfig(String name, BuildBackendConfig build, EnvConfigSettings config,
                         Optional<AlarmSelector> alarms, Map<String, URI> health) {
        this(name, build, config, alarms, health, Optional.empty(), Optional.empty(), List.of(), Map.of());
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

    /** The team file's checklist for a deploy of this service to {@code env}: the service's, then the environment's. */
    public List<String> checklistFor(EnvironmentConfig env) {
        List<String> items = new ArrayList<>(checklist);
        items.addAll(checklistByEnv.getOrDefault(env.name(), List.of()));
        env.checklist().stream().filter(i -> !items.contains(i)).forEach(items::add);
        return List.copyOf(items);
    }
}
