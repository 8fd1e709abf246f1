package dev.flightdeck.envconfig;

import java.util.List;

/** The configuration rules applied to a service in one environment ({@code /deploy config check}, the gate). */
public record ConfigCheckReport(String service, String env, int keys, List<RuleResult> results, List<String> problems) {

    public ConfigCheckReport {
        results = List.copyOf(results);
        problems = List.copyOf(problems);
    }

    public List<RuleResult> blocking() {
        return results.stream().filter(r -> r.outcome().blocks()).toList();
    }

    public List<RuleResult> warnings() {
        return results.stream().filter(r -> r.outcome() == RuleResult.Outcome.WARN).toList();
    }

    public boolean passes() {
        return blocking().isEmpty();
    }
}
