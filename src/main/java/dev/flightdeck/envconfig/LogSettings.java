package dev.flightdeck.envconfig;

import java.util.List;

/** {@code logs: { groups: [...] }}: the CloudWatch Logs groups {@code /deploy logs} searches; names may contain {env}. */
public record LogSettings(List<String> groups) {

    public LogSettings {
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("a service's logs need at least one group");
        }
    }

    public List<String> groupsFor(String env) {
        return EnvTemplates.forEnv(groups, env);
    }
}
