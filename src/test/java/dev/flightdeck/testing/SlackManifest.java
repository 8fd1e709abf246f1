package dev.flightdeck.testing;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * manifest.yml as Slack reads it when the app is installed from it: the bot scopes, the bot events and the
 * redirect URLs. The fake Slack grants and delivers only what it says, as a workspace installed from it would.
 */
public record SlackManifest(Set<String> botScopes, Set<String> botEvents, List<String> redirectUrls) {

    public static final Path FILE = Path.of("manifest.yml");

    private static volatile SlackManifest loaded;

    /** The project's manifest.yml (tests run from the project root), read once. */
    public static SlackManifest load() {
        SlackManifest m = loaded;
        if (m == null) {
            try {
                m = parse(Files.readString(FILE));
            } catch (IOException e) {
                throw new UncheckedIOException("FakeSlack reads the bot scopes from " + FILE.toAbsolutePath(), e);
            }
            loaded = m;
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static SlackManifest parse(String yaml) {
        Map<String, Object> root = new Yaml().load(yaml);
        Map<String, Object> oauth = (Map<String, Object>) root.getOrDefault("oauth_config", Map.of());
        Map<String, Object> scopes = (Map<String, Object>) oauth.getOrDefault("scopes", Map.of());
        Map<String, Object> settings = (Map<String, Object>) root.getOrDefault("settings", Map.of());
        Map<String, Object> events = (Map<String, Object>) settings.getOrDefault("event_subscriptions", Map.of());
        return new SlackManifest(new TreeSet<>((List<String>) scopes.getOrDefault("bot", List.of())),
                new TreeSet<>((List<String>) events.getOrDefault("bot_events", List.of())),
                List.copyOf((List<String>) oauth.getOrDefault("redirect_urls", List.of())));
    }
}
