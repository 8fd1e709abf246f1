package dev.flightdeck.envconfig;

import dev.flightdeck.envconfig.EnvConfigSettings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An in-memory {@link ConfigSource}: plain and secret values per service and environment, and outages on demand. */
final class FakeConfigSource implements ConfigSource {

    static final Fingerprinter FINGERPRINTS = new Fingerprinter("test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    private final Map<String, List<ConfigEntry>> entries = new HashMap<>();
    private final Set<String> down = new HashSet<>();

    FakeConfigSource plain(String service, String env, String key, String value) {
        add(service, env, ConfigEntry.plain(key, "/" + service + "/" + env + "/" + key, "String", value, FINGERPRINTS, "1",
                Optional.empty(), Optional.empty()));
        return this;
    }

    FakeConfigSource secret(String service, String env, String key, String value) {
        add(service, env, ConfigEntry.secret(key, service + "/" + env, ConfigEntry.SECRET_TYPE, FINGERPRINTS.of(value), "v1",
                Optional.empty(), Optional.empty()));
        return this;
    }

    /** Reading this service in this environment fails from now on. */
    FakeConfigSource down(String service, String env) {
        down.add(service + "/" + env);
        return this;
    }

    private void add(String service, String env, ConfigEntry entry) {
        entries.computeIfAbsent(service + "/" + env, k -> new ArrayList<>()).add(entry);
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public SourceRead read(String service, String env, EnvConfigSettings settings) {
        if (down.contains(service + "/" + env)) {
            throw new ConfigSourceException("fake store for " + service + " in " + env + ": AWS could not be reached");
        }
        return new SourceRead(entries.getOrDefault(service + "/" + env, List.of()), List.of());
    }
}
