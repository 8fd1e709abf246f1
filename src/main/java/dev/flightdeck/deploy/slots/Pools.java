package dev.flightdeck.deploy.slots;

import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.SlotSettings;
import dev.flightdeck.team.TeamConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The team file's pools of shared slots ({@code slots:}), looked up by pool or slot name. */
record Pools(TeamConfig team) {

    Map<String, List<String>> all() {
        return team.slots();
    }

    boolean isPool(String name) {
        return team.slots().containsKey(name);
    }

    /** The pool {@code slot} belongs to. */
    Optional<String> poolOf(String slot) {
        return team.slots().entrySet().stream().filter(e -> e.getValue().contains(slot)).map(Map.Entry::getKey)
                .findFirst();
    }

    List<String> slots(String pool) {
        return team.slots().getOrDefault(pool, List.of());
    }

    SlotSettings settings(String env) {
        return team.environment(env).map(EnvironmentConfig::slots).orElse(SlotSettings.DEFAULTS);
    }
}
