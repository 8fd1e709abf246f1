package dev.flightdeck.metrics;

import dev.flightdeck.config.TeamConfig;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Which environments count and how long a failure may follow a success.
 *
 * <p>Like DORA, metrics count production only: a failed deploy to dev is how dev is meant to be used. The team config
 * has no "production" flag, so production is every environment named {@code prod}, {@code production} or starting
 * with {@code prod-} / {@code production-}; a team config with none of those counts every environment (a small
 * team deploying to one "live" environment still sees figures).
 *
 * @param environments  counted environments, in team-config order
 * @param failureWindow a success followed within this long by a rollback or an incident naming the service is a
 *                      failed change
 */
public record MetricsSettings(List<String> environments, Duration failureWindow) {

    public static final Duration DEFAULT_FAILURE_WINDOW = Duration.ofHours(24);

    public MetricsSettings {
        environments = List.copyOf(environments);
        if (failureWindow.isNegative()) {
            throw new IllegalArgumentException("failure window must not be negative");
        }
    }

    public static MetricsSettings from(TeamConfig config) {
        List<String> all = List.copyOf(config.environments().keySet());
        List<String> production = all.stream().filter(MetricsSettings::looksLikeProduction).toList();
        return new MetricsSettings(production.isEmpty() ? all : production, DEFAULT_FAILURE_WINDOW);
    }

    static boolean looksLikeProduction(String environment) {
        String e = environment.toLowerCase(Locale.ROOT);
        return e.equals("prod") || e.equals("production") || e.startsWith("prod-") || e.startsWith("production-");
    }

    /** An empty list (a team config with no environments) counts every environment. */
    public boolean counts(String environment) {
        return environments.isEmpty() || environments.contains(environment);
    }
}
