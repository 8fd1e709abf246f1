package dev.flightdeck.slack.edge;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Where the early edge listens and the secret it verifies with, read before Micronaut starts from the same system
 * properties and environment variables Micronaut will read ({@code micronaut.server.port} / MICRONAUT_SERVER_PORT,
 * {@code micronaut.server.host} / MICRONAUT_SERVER_HOST, {@code slack.signing-secret} / SLACK_SIGNING_SECRET).
 * Empty, so the service starts as before without it, when it cannot be sure to agree with Micronaut: a config file
 * that sets anything under {@code micronaut.server} or {@code slack}, a port that is not a fixed number, Socket Mode
 * (SLACK_APP_TOKEN: no Slack request comes over HTTP), no signing secret, or FLIGHTDECK_SLACK_EARLY_EDGE=false.
 *
 * @param host     null: every interface, as Micronaut binds by default
 * @param services the team's service and environment names, so {@code /deploy} is parsed as the service will parse it
 */
public record EarlyEdgeSettings(String host, int port, String signingSecret, Set<String> environments,
                                Set<String> services) {

    public static final String SWITCH_ENV = "FLIGHTDECK_SLACK_EARLY_EDGE";
    public static final String SWITCH_PROPERTY = "flightdeck.slack.early-edge";
    /** Micronaut's port when none is set (outside tests). */
    static final int MICRONAUT_DEFAULT_PORT = 8080;

    @Override
    public String toString() {
        return "EarlyEdgeSettings[host=" + host + ", port=" + port + "]"; // never the secret
    }

    /**
     * @param configKeyPaths every key path the config files (MICRONAUT_CONFIG_FILES) set, dotted
     */
    public static Optional<EarlyEdgeSettings> from(Map<String, String> env, Properties system,
                                                   Collection<String> configKeyPaths, Set<String> environments,
                                                   Set<String> services) {
        if ("false".equalsIgnoreCase(setting(system, SWITCH_PROPERTY, env, SWITCH_ENV))
                || !isBlank(setting(system, "slack.app-token", env, "SLACK_APP_TOKEN"))) {
            return Optional.empty();
        }
        for (String path : configKeyPaths) {
            if (path.equals("slack") || path.startsWith("slack.") || path.startsWith("micronaut.server")) {
                return Optional.empty();
            }
        }
        String secret = setting(system, "slack.signing-secret", env, "SLACK_SIGNING_SECRET");
        if (isBlank(secret)) {
            return Optional.empty();
        }
        String portText = setting(system, "micronaut.server.port", env, "MICRONAUT_SERVER_PORT");
        int port;
        try {
            port = isBlank(portText) ? MICRONAUT_DEFAULT_PORT : Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
            return Optional.empty(); // Micronaut says what is wrong with it
        }
        if (port <= 0 || port > 65535) {
            return Optional.empty(); // -1: a random port, which only Micronaut can pick
        }
        String host = setting(system, "micronaut.server.host", env, "MICRONAUT_SERVER_HOST");
        return Optional.of(new EarlyEdgeSettings(isBlank(host) ? null : host.trim(), port, secret,
                Set.copyOf(environments), Set.copyOf(services)));
    }

    /** A system property wins over the environment variable, as in Micronaut. */
    private static String setting(Properties system, String property, Map<String, String> env, String variable) {
        String value = system.getProperty(property);
        return value != null ? value : env.get(variable);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
