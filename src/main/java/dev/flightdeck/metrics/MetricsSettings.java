package dev.flightdeck.metrics;

import dev.flightdeck.team.TeamConfig;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Which environments count and how long a failure may follow a success: {@code flightdeck.metrics.environments} and
 * {@code failure-window} (default 24h) in the team config.
 *
 * <p>Like DORA, metrics count production only: a failed deploy to dev is how dev is meant to be used. Without
 * {@code metrics.environments}, production is every environment named {@code prod}, {@code production} or starting
 * with {@code prod-} / {@code production-}; a team config with none of those counts every environment (a small
 * team deploying to one "live" environment still sees figures).
 *
 * @param environments  counted environments, in team-config order
 * @param failureWindow a success followed within this long by a rollback or an incident naming the service is a
 *                      failed change
 */
public record MetricsSettings(List<String> environments, Duration failureWindow) {

    public MetricsSettings {
        environments = List.copyOf(environments);
        if (failureWindow.isNegative()) {
            throw new IllegalArgumentException("failure window must not be negative");
        }
    }

    /** The team config's {@code metrics:} section where set, else the defaults described above. */
    public static MetricsSettings from(TeamConfig config) {
        List<String> all = List.copyOf(config.environments().keySet());
        List<String> production = all.stream().filter(MetricsSettings::looksLikeProduction).toList();
        List<String> counted = config.metrics().environments().orElse(production.isEmpty() ? all : production);
        return new MetricsSettings(counted, config.metrics().failureWindow());
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
