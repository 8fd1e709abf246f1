package dev.flightdeck.config;

import dev.flightdeck.text.Closest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.flightdeck.metrics.MetricsConfig;

/** flightdeck.metrics. */
final class MetricsParser {

    private MetricsParser() {
    }

    static MetricsConfig metrics(Section s, Set<String> environments) {
        s.allowOnly(Set.of("environments", "failure-window"));
        Optional<List<String>> envs = s.stringList("environments");
        if (envs.isPresent()) {
            if (envs.get().isEmpty()) {
                s.error("environments", "must name at least one environment, or be left out to count the "
                        + "production ones");
                envs = Optional.empty();
            }
            for (String e : envs.orElse(List.of())) {
                if (!environments.contains(e)) {
                    s.error("environments", "unknown environment \"" + e + "\"; known: " + String.join(", ", environments)
                            + Closest.suggestion(e, environments).map(c -> " (did you mean \"" + c + "\"?)").orElse(""));
                }
            }
        }
        Duration window = s.duration("failure-window").orElse(MetricsConfig.DEFAULT_FAILURE_WINDOW);
        return new MetricsConfig(envs, window);
    }
}
