package dev.flightdeck.build;

import dev.flightdeck.secrets.EnvSecrets;
import java.util.Map;
import java.util.Optional;

/** Credentials for tests, by variable name, without touching the process environment. */
public final class MapSecrets extends EnvSecrets {
    private final Map<String, String> values;

    public MapSecrets(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    @Override
    public Optional<String> get(String variable) {
        return Optional.ofNullable(values.get(variable));
    }
}
